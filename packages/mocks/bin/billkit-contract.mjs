#!/usr/bin/env node
// The `billkit-contract` command. A committed file rather than dist/: package managers link a
// workspace package's bins at install time, before it is built.
import { runContractCli } from '../dist/contract/cli.js';

process.exitCode = await runContractCli(process.argv.slice(2));
