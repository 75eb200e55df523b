// The entry of the SDK, auth and own-backend guide pages: their examples, from the tested files.
import { showExamples } from './examples.js';

showExamples();
