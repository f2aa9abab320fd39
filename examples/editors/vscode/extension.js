// Starts `content-lint server` for the languages content pages are written in; the server
// itself decides which files are pages of a project, so this extension keeps no rules of its own.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

const LANGUAGES = ["markdown", "mdx", "plaintext"];
let client;

function activate() {
  const settings = vscode.workspace.getConfiguration("contentLint");
  const server = { command: settings.get("command", "content-lint"), args: settings.get("args", ["server"]) };
  client = new LanguageClient("content-lint", "content-lint", server, {
    documentSelector: LANGUAGES.map((language) => ({ scheme: "file", language })),
  });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
