/**
 * Electron's entry point (package main: dist/electron/main.js, an ES module). Starts the shell,
 * and when it cannot start tells whoever stands at the screen why, in Danish and English.
 */
import { app, dialog } from 'electron';
import { startupFailureMessage } from './lifecycle.js';
import { createConsoleLog } from './log.js';
import { startShell } from './shell.js';

const log = createConsoleLog();

startShell(process.env, log).catch((error: unknown) => {
  const { title, body } = startupFailureMessage(error);
  log.error('the shell could not start', { detail: body });
  dialog.showErrorBox(title, body);
  app.exit(1);
});
