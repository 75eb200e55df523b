#!/usr/bin/env node
// The `billkit-contract` command (see cli.ts).
import { runContractCli } from './cli.js';

process.exitCode = await runContractCli(process.argv.slice(2));
