//! The Language Server Protocol's base protocol over stdio: `Content-Length` framed JSON
//! read on one thread, written on another. Our own reader (rather than lsp-server's
//! `Connection::stdio`) so that a malformed message is answered with a JSON-RPC error
//! instead of ending the connection.

use std::io::{BufRead, Read, Write};

use crossbeam_channel::{Receiver, Sender};
use lsp_server::Message;
use serde_json::{Value, json};

/// The largest message the server reads: a plan at the default `max_file_size` (10 MiB)
/// escaped in JSON fits several times over.
const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// What the reader hands the main loop.
pub enum Incoming {
    Message(Message),
    /// A message that could not be read: answered with this JSON-RPC error (`id` null
    /// when it could not be found).
    Malformed {
        id: Value,
        code: i32,
        message: String,
    },
}

/// Reads messages from `input` until it ends, sending each (or its error) on `to`.
pub fn read_loop(mut input: impl BufRead, to: &Sender<Incoming>) {
    loop {
        let frame = match read_frame(&mut input) {
            Ok(Some(frame)) => frame,
            Ok(None) | Err(_) => return,
        };
        let incoming = match frame {
            Frame::Body(bytes) => parse(&bytes),
            Frame::BadHeader(why) => Incoming::Malformed {
                id: Value::Null,
                code: -32700,
                message: why,
            },
        };
        if to.send(incoming).is_err() {
            return;
        }
    }
}

enum Frame {
    Body(Vec<u8>),
    BadHeader(String),
}

/// One frame: headers up to an empty line, then `Content-Length` bytes. `None` at the
/// end of the input.
fn read_frame(input: &mut impl BufRead) -> std::io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut bad: Option<String> = None;
    let mut any = false;
    loop {
        let mut line = Vec::new();
        // A header line is short; a hostile one is cut at 8 KiB.
        let n = input.by_ref().take(8192).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if any {
                break;
            }
            // Blank lines between messages are skipped.
            continue;
        }
        any = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad = Some(format!("bad Content-Length header: {value:?}")),
                }
            }
            Some(_) => {}
            None => bad = Some("malformed header line".to_string()),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Frame::BadHeader(
            bad.unwrap_or_else(|| "no Content-Length header".to_string()),
        )));
    };
    if length > MAX_MESSAGE_BYTES {
        // Read it away, so that the next message is found.
        std::io::copy(
            &mut input.by_ref().take(length as u64),
            &mut std::io::sink(),
        )?;
        return Ok(Some(Frame::BadHeader(format!(
            "message of {length} bytes is larger than the {MAX_MESSAGE_BYTES} the server reads"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Frame::Body(body)))
}

/// A message from its JSON, or the error that answers it.
fn parse(bytes: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Malformed {
                id: Value::Null,
                code: -32700,
                message: format!("parse error: {e}"),
            };
        }
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let valid_id = matches!(id, Value::Null | Value::Number(_) | Value::String(_));
    match serde_json::from_value::<Message>(value) {
        Ok(m) => Incoming::Message(m),
        Err(e) => Incoming::Malformed {
            id: if valid_id { id } else { Value::Null },
            code: -32600,
            message: format!("invalid request: {e}"),
        },
    }
}

/// A message as a frame's body.
pub fn encode(message: &Message) -> String {
    let mut v = serde_json::to_value(message).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert("jsonrpc".to_string(), json!("2.0"));
    }
    v.to_string()
}

/// The error response to a malformed message.
pub fn error_response(id: Value, code: i32, message: &str) -> String {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } }).to_string()
}

/// Writes every body received on `from` as a frame to `output`, until the channel closes
/// or the output does.
pub fn write_loop(mut output: impl Write, from: &Receiver<String>) {
    for body in from {
        let ok = write!(output, "Content-Length: {}\r\n\r\n", body.len())
            .and_then(|()| output.write_all(body.as_bytes()))
            .and_then(|()| output.flush());
        if ok.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Incoming> {
        let (tx, rx) = crossbeam_channel::unbounded();
        read_loop(std::io::Cursor::new(input.to_vec()), &tx);
        drop(tx);
        rx.into_iter().collect()
    }

    #[test]
    fn malformed_messages_are_errors_and_reading_goes_on() {
        let ok = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{oops\r\nContent-Length: 7\r\n\r\n[1,2,3]X-Foo\r\n\r\nContent-Length: {}\r\n\r\n{ok}",
            ok.len()
        );
        let got = frames(input.as_bytes());
        assert_eq!(got.len(), 4);
        assert!(matches!(got[0], Incoming::Malformed { code: -32700, .. }));
        assert!(matches!(got[1], Incoming::Malformed { code: -32600, .. }));
        assert!(matches!(got[2], Incoming::Malformed { code: -32700, .. }));
        assert!(matches!(got[3], Incoming::Message(Message::Request(_))));
    }
}
