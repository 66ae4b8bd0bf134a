//! `copydesk lsp`: a Language Server Protocol server over standard input and output.
//!
//! Documents are checked with the same configuration discovery as the command line.
//! Messages are read until the queue is empty before anything is checked, so edits that
//! arrive faster than checks are coalesced and only the latest text is checked.

mod actions;
mod diagnostics;
mod documents;
mod encoding;

use std::collections::HashSet;
use std::path::PathBuf;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, RegisterCapability, Request as _, Shutdown};
use lsp_types::{
    CodeActionOptions, CodeActionParams, CodeActionProviderCapability, Diagnostic,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, InitializeParams,
    PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
    Url,
};

use crate::config::{CommandLineRules, Projects};
pub use documents::OpenDocument;
pub use encoding::{Encoding, Positions};

/// What can stop the server.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    /// The client broke the protocol.
    #[error("protocol error: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// A message could not be read or written as JSON.
    #[error("invalid message: {0}")]
    Json(#[from] serde_json::Error),
    /// The connection to the client is gone.
    #[error("the connection to the client is closed")]
    Disconnected,
    /// The standard input or output threads failed.
    #[error("input/output: {0}")]
    Io(#[from] std::io::Error),
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `shutdown` then `exit`, as the protocol asks.
    Clean,
    /// `exit` without `shutdown`, or the client went away.
    Abrupt,
}

/// Where the server's rules come from.
#[derive(Debug, Clone, Default)]
pub struct LspOptions {
    /// Packs given on the command line.
    pub cli: CommandLineRules,
    /// One configuration for every document, instead of discovery.
    pub config: Option<PathBuf>,
    /// Ignore configuration files.
    pub no_config: bool,
}

impl LspOptions {
    fn projects(&self) -> Projects {
        Projects::new(self.cli.clone(), self.config.clone(), !self.no_config)
    }
}

/// Serve one client over standard input and output.
pub fn serve_stdio(options: LspOptions) -> Result<Ending, LspError> {
    let (connection, io_threads) = Connection::stdio();
    let ending = serve(&connection, options)?;
    drop(connection);
    io_threads.join()?;
    Ok(ending)
}

/// Serve one client over `connection` until it exits.
pub fn serve(connection: &Connection, options: LspOptions) -> Result<Ending, LspError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "copydesk".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection.initialize_finish(id, result)?;
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server::new(connection, encoding, options);
    if watch {
        server.watch_rule_files()?;
    }
    server.run()
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(false),
            })),
            ..TextDocumentSyncOptions::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![lsp_types::CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The state of one session.
struct Server<'a> {
    connection: &'a Connection,
    encoding: Encoding,
    options: LspOptions,
    projects: Projects,
    documents: documents::Documents,
    /// Rule and configuration files that carry problem diagnostics.
    problem_files: HashSet<Url>,
    next_request: i32,
    shutting_down: bool,
}

impl<'a> Server<'a> {
    fn new(connection: &'a Connection, encoding: Encoding, options: LspOptions) -> Self {
        Server {
            connection,
            encoding,
            projects: options.projects(),
            options,
            documents: documents::Documents::default(),
            problem_files: HashSet::new(),
            next_request: 0,
            shutting_down: false,
        }
    }

    fn run(&mut self) -> Result<Ending, LspError> {
        loop {
            let Ok(message) = self.connection.receiver.recv() else {
                return Ok(self.ending());
            };
            if let Some(ending) = self.handle(message)? {
                return Ok(ending);
            }
            // Take everything already queued before checking: edits coalesce.
            while let Ok(message) = self.connection.receiver.try_recv() {
                if let Some(ending) = self.handle(message)? {
                    return Ok(ending);
                }
            }
            if !self.shutting_down {
                self.publish_changed()?;
            }
        }
    }

    fn handle(&mut self, message: Message) -> Result<Option<Ending>, LspError> {
        match message {
            Message::Request(request) if request.method == Shutdown::METHOD => {
                self.shutting_down = true;
                self.send(Response::new_ok(request.id, ()).into())?;
            }
            Message::Request(request) if self.shutting_down => {
                let message = "the server is shutting down".to_owned();
                let response = Response::new_err(request.id, ErrorCode::InvalidRequest as i32, message);
                self.send(response.into())?;
            }
            Message::Request(request) => self.request(request)?,
            Message::Notification(n) if n.method == lsp_types::notification::Exit::METHOD => {
                return Ok(Some(self.ending()));
            }
            Message::Notification(n) => self.notification(n)?,
            Message::Response(_) => {}
        }
        Ok(None)
    }

    /// Clean after a `shutdown` request, abrupt otherwise.
    fn ending(&self) -> Ending {
        if self.shutting_down {
            Ending::Clean
        } else {
            Ending::Abrupt
        }
    }

    fn request(&mut self, request: Request) -> Result<(), LspError> {
        let response = match request.method.as_str() {
            CodeActionRequest::METHOD => {
                let params: CodeActionParams = serde_json::from_value(request.params)?;
                let actions = self.code_actions(&params);
                Response::new_ok(request.id, actions)
            }
            _ => Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("copydesk does not answer `{}`", request.method),
            ),
        };
        self.send(response.into())
    }

    fn notification(&mut self, n: Notification) -> Result<(), LspError> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let params: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                self.documents.open(params.text_document);
            }
            DidChangeTextDocument::METHOD => {
                let params: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(change) = params.content_changes.into_iter().last() {
                    self.documents.change(
                        &params.text_document.uri,
                        params.text_document.version,
                        change.text,
                    );
                }
            }
            DidSaveTextDocument::METHOD => {
                let params: lsp_types::DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                if documents::is_rule_file(&params.text_document.uri) {
                    self.reload()?;
                } else {
                    self.documents.touch(&params.text_document.uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                let params: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                if self.documents.close(&params.text_document.uri) {
                    self.publish(params.text_document.uri, Vec::new(), None)?;
                }
            }
            DidChangeWatchedFiles::METHOD | DidChangeConfiguration::METHOD => self.reload()?,
            _ => {}
        }
        Ok(())
    }

    /// Ask the client to report changes to configuration and rule files.
    fn watch_rule_files(&mut self) -> Result<(), LspError> {
        let watchers = ["**/copydesk.yaml", "**/.copydesk.yaml", "**/*.yaml", "**/*.yml"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.to_owned()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "copydesk-rule-files".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: Some(serde_json::to_value(options)?),
            }],
        };
        self.next_request += 1;
        let request = Request::new(
            RequestId::from(self.next_request),
            RegisterCapability::METHOD.to_owned(),
            params,
        );
        self.send(request.into())
    }

    /// Configuration or rules changed: forget every loaded project, re-check everything.
    fn reload(&mut self) -> Result<(), LspError> {
        self.projects = self.options.projects();
        for uri in std::mem::take(&mut self.problem_files) {
            self.publish(uri, Vec::new(), None)?;
        }
        self.documents.touch_all();
        Ok(())
    }

    /// Check every document whose text or rules changed, and publish its diagnostics.
    fn publish_changed(&mut self) -> Result<(), LspError> {
        for uri in self.documents.changed() {
            self.check(&uri);
            let Some(doc) = self.documents.get(&uri) else {
                continue;
            };
            let diagnostics = doc.diagnostics(&uri, self.encoding);
            let version = doc.version;
            self.publish(uri, diagnostics, Some(version))?;
        }
        Ok(())
    }

    /// Check one document now, with the project its path calls for.
    fn check(&mut self, uri: &Url) {
        let project = match uri.to_file_path() {
            Ok(path) => self.projects.for_file(&path),
            Err(()) => self.projects.for_dir(std::path::Path::new(".")),
        };
        let problems = self.projects.take_errors();
        for error in &problems {
            self.report_problem(error);
        }
        if let Some(doc) = self.documents.get_mut(uri) {
            doc.check(uri, project.as_deref());
        }
    }

    fn report_problem(&mut self, error: &crate::Error) {
        let errors = match error {
            crate::Error::Config(e) | crate::Error::Rules(e) => e.errors.as_slice(),
            _ => &[],
        };
        let mut by_file: std::collections::HashMap<Url, Vec<Diagnostic>> = std::collections::HashMap::new();
        for e in errors {
            if let Some((uri, diagnostic)) = diagnostics::of_rule_error(e, self.encoding) {
                by_file.entry(uri).or_default().push(diagnostic);
            }
        }
        for (uri, list) in by_file {
            self.problem_files.insert(uri.clone());
            // A failed send ends the session at the next read; nothing to add here.
            let _ = self.publish(uri, list, None);
        }
    }

    fn code_actions(&mut self, params: &CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        if self.documents.get(uri).is_some_and(|d| d.is_changed()) {
            self.check(uri);
        }
        let Some(doc) = self.documents.get(uri) else {
            return Vec::new();
        };
        doc.code_actions(uri, params.range, self.encoding)
    }

    fn publish(&self, uri: Url, diagnostics: Vec<Diagnostic>, version: Option<i32>) -> Result<(), LspError> {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into())
    }

    fn send(&self, message: Message) -> Result<(), LspError> {
        self.connection
            .sender
            .send(message)
            .map_err(|_| LspError::Disconnected)
    }
}
