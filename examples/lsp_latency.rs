//! How long `planlint server` takes from a change to its diagnostics, as an editor sees
//! it: `cargo run --release --example lsp_latency -- PLANLINT_BINARY PLAN [CHANGES]`.
//!
//! Opens PLAN, then sends CHANGES (default 200) full-text changes, each followed by a wait
//! for its diagnostics, and prints the median, 95th percentile and worst time from
//! sending the change to reading the diagnostics. Then it opens a plan of about 1 MB made
//! of PLAN's projections repeated, changes it, and times a hover sent right after the
//! change: the hover must not wait for that lint.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(bin), Some(plan)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: lsp_latency PLANLINT_BINARY PLAN [CHANGES]");
        std::process::exit(2);
    };
    let changes: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(200);
    let text = std::fs::read_to_string(plan).expect("the plan is readable");
    let mut child = Command::new(bin)
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut send = |v: Value| {
        let body = v.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    };
    let mut read = move || -> Value {
        let mut len = 0;
        loop {
            let mut line = String::new();
            stdout.read_line(&mut line).expect("read");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().expect("a length");
            }
        }
        let mut body = vec![0; len];
        stdout.read_exact(&mut body).expect("a body");
        serde_json::from_slice(&body).expect("JSON")
    };
    send(
        json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}),
    );
    while read().get("id") != Some(&json!(1)) {}
    send(json!({"jsonrpc":"2.0","method":"initialized","params":{}}));
    let uri = "file:///bench/p.plan.yaml";
    send(
        json!({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"yaml","version":1,"text":text}}}),
    );
    wait_diagnostics(&mut read, 1);
    let mut times = Vec::with_capacity(changes);
    for i in 0..changes {
        let version = i as i64 + 2;
        // A different text each time: a comment that grows by a character.
        let changed = format!("{text}\n# edit {}\n", "x".repeat(i % 40));
        let start = Instant::now();
        send(
            json!({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":version},"contentChanges":[{"text":changed}]}}),
        );
        wait_diagnostics(&mut read, version);
        times.push(start.elapsed());
    }
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{} bytes, {changes} changes: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        text.len(),
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(pct(1.0))
    );
    // A plan of about 1 MB: the projections repeated.
    let mut big = text.clone();
    let row = "  - { year: 2030, revenue: 5M, customers: 70, new_customers: 40, headcount: 45, net_burn: 9M, raised: 0, cash_end: 12M }\n";
    if !big.contains("\nprojections:") {
        big.push_str("projections:\n");
    }
    while big.len() < 1_000_000 {
        big.push_str(row);
    }
    let big_uri = "file:///bench/big.plan.yaml";
    send(
        json!({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":big_uri,"languageId":"yaml","version":1,"text":big}}}),
    );
    let start = Instant::now();
    send(
        json!({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":uri},"position":{"line":0,"character":1}}}),
    );
    let mut hover = None;
    let mut big_done = None;
    while hover.is_none() || big_done.is_none() {
        let v = read();
        if v.get("id") == Some(&json!(2)) {
            hover = Some(start.elapsed());
        } else if v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == big_uri
        {
            big_done = Some(start.elapsed());
        }
    }
    println!(
        "{} bytes plan: diagnostics after {:.1} ms; a hover on another plan sent with it answered after {:.2} ms",
        big.len(),
        ms(big_done.unwrap_or_default()),
        ms(hover.unwrap_or_default())
    );
    send(json!({"jsonrpc":"2.0","id":3,"method":"shutdown"}));
    send(json!({"jsonrpc":"2.0","method":"exit"}));
    let _ = child.wait();
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn wait_diagnostics(read: &mut impl FnMut() -> Value, version: i64) {
    loop {
        let v = read();
        if v["method"] == "textDocument/publishDiagnostics" && v["params"]["version"] == version {
            return;
        }
    }
}
