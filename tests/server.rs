//! `planlint server`: the real binary driven over stdio with LSP JSON-RPC messages, as an
//! editor drives it: initialize, open, diagnostics, hover, code actions, change, config
//! changes, malformed messages, shutdown and exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Duration;

use crossbeam_channel::{Receiver, unbounded};
use serde_json::{Value, json};

mod support;
use support::write_file;

/// How long a test waits for a message before calling it a hang.
const HANG_GUARD: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    /// Notifications received while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("planlint"))
            .arg("server")
            .current_dir(dir)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("planlint server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = unbounded();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("a Content-Length")];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                assert_eq!(v["jsonrpc"], "2.0", "{v}");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            pending: Vec::new(),
            next_id: 0,
        }
    }

    fn raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, v: Value) {
        self.raw(v.to_string().as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn next(&mut self) -> Value {
        self.rx
            .recv_timeout(HANG_GUARD)
            .expect("the server answers before the hang guard")
    }

    /// Sends a request and returns its whole response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.response(json!(id))
    }

    fn response(&mut self, id: Value) -> Value {
        loop {
            let v = self.next();
            if v.get("method").is_some() {
                if v.get("id").is_some() {
                    // A request from the server (registering watchers): accept it.
                    let id = v["id"].clone();
                    self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
                }
                self.pending.push(v);
                continue;
            }
            if v["id"] == id {
                return v;
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        if let Some(i) = self.pending.iter().position(|v| {
            v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri
        }) {
            let v = self.pending.remove(i);
            return v["params"]["diagnostics"].as_array().cloned().unwrap();
        }
        loop {
            let v = self.next();
            if v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri {
                return v["params"]["diagnostics"].as_array().cloned().unwrap();
            }
            if v.get("id").is_some() && v.get("method").is_some() {
                let id = v["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
            }
        }
    }

    fn initialize(&mut self, encodings: &[&str], root: &Path) -> Value {
        let r = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri_of(root),
                "capabilities": {
                    "general": { "positionEncodings": encodings },
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
                }
            }),
        );
        self.notify("initialized", json!({}));
        r
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
        );
    }

    /// A server in `dir` (UTF-8 positions) with `name` written there and opened.
    fn opened(dir: &Path, name: &str, text: &str) -> (Client, String) {
        write_file(dir, name, text);
        let mut c = Client::start(dir);
        c.initialize(&["utf-8"], dir);
        let uri = uri_of(&dir.join(name));
        c.open(&uri, text);
        (c, uri)
    }

    /// The code actions offered for `diagnostic` of `uri`, at its range.
    fn code_actions(&mut self, uri: &str, diagnostic: &Value) -> Vec<Value> {
        let r = self.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": diagnostic["range"], "context": { "diagnostics": [diagnostic] } }),
        );
        r["result"].as_array().cloned().unwrap_or_default()
    }

    /// Shuts down and exits, returning the exit code.
    fn shutdown(mut self) -> Option<i32> {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null);
        for _ in 0..600 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        panic!("the server did not exit after `exit`");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn uri_of(path: &Path) -> String {
    let p = std::fs::canonicalize(path).unwrap();
    let mut s = String::from("file://");
    for b in p.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// A plan with a misspelt stage after Chinese text and an emoji on its line, and unit
/// economics whose LTV disagrees with its inputs.
const PLAN: &str = "planlint: 1\ncurrency: CNY\ncompany: { name: \"联恒云 🚀\", stage: seriesA }\nunit_economics:\n  acv: 12万\n  lifetime_years: 5\n  gross_margin: 72%\n  ltv_basis: revenue\n  ltv: 90万\n  cac: 8万\n";

fn find<'a>(diags: &'a [Value], rule: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {diags:#?}"))
}

#[test]
fn diagnostics_land_on_the_value_in_utf8_and_utf16() {
    let line = PLAN.lines().nth(2).unwrap();
    let byte = line.find("seriesA").unwrap();
    let utf16 = line[..byte].encode_utf16().count();
    assert_ne!(byte, utf16, "the line must tell the encodings apart");
    for (offered, expected_kind, column) in [
        (&["utf-16", "utf-8"][..], "utf-8", byte),
        (&["utf-16"][..], "utf-16", utf16),
        (&[][..], "utf-16", utf16),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write_file(dir.path(), "p.plan.yaml", PLAN);
        let mut c = Client::start(dir.path());
        let init = c.initialize(offered, dir.path());
        assert_eq!(
            init["result"]["capabilities"]["positionEncoding"], expected_kind,
            "{init}"
        );
        let uri = uri_of(&dir.path().join("p.plan.yaml"));
        c.open(&uri, PLAN);
        let diags = c.diagnostics(&uri);
        let stage = find(&diags, "plan/invalid-value");
        assert_eq!(
            stage["range"]["start"],
            json!({ "line": 2, "character": column })
        );
        assert_eq!(
            stage["range"]["end"],
            json!({ "line": 2, "character": column + "seriesA".len() })
        );
        assert_eq!(stage["severity"], 1);
        assert_eq!(stage["source"], "planlint");
        let ltv = find(&diags, "large-customers/ltv-mismatch");
        assert!(
            ltv["message"]
                .as_str()
                .unwrap()
                .contains("\nhelp: write `ltv: 600000`"),
            "{ltv}"
        );
        let related = ltv["relatedInformation"].as_array().unwrap();
        assert!(related.len() >= 3, "every label: {ltv}");
        assert!(
            related.iter().any(|r| r["message"] == "ACV: 120,000 CNY"),
            "{ltv}"
        );
        assert_eq!(c.shutdown(), Some(0));
    }
}

#[test]
fn hover_explains_the_field_its_figures_and_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, uri) = Client::opened(dir.path(), "p.plan.yaml", PLAN);
    c.diagnostics(&uri);
    let hover = |c: &mut Client, line: u32, character: u32| {
        c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )["result"]
            .clone()
    };
    // On `acv`: what it means, and the LTV, payback and LTV:CAC it gives.
    let h = hover(&mut c, 4, 3);
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(text.contains("`unit_economics.acv`: "), "{text}");
    assert!(
        text.contains("computed LTV 600,000 CNY (the floor in force: 300,000 CNY)"),
        "{text}"
    );
    assert!(
        text.contains("computed CAC payback 11.11 months (at most 12)"),
        "{text}"
    );
    assert!(text.contains("LTV:CAC 11.25 (at least 3)"), "{text}");
    assert_eq!(h["range"]["start"], json!({ "line": 4, "character": 2 }));
    // On the stated LTV, which a finding is about: the rule's explanation too.
    let h = hover(&mut c, 8, 8);
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**large-customers/ltv-mismatch**"), "{text}");
    // Nothing to say between a key and its value.
    assert_eq!(hover(&mut c, 0, 9), Value::Null);
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn hover_describes_the_field_in_the_configured_language() {
    let dir = tempfile::tempdir().unwrap();
    let plan = format!("{PLAN}projections:\n  - year: 2027\n    revenue: 14M\n");
    write_file(dir.path(), "planlint.toml", "lang = \"zh\"\n");
    let (mut c, uri) = Client::opened(dir.path(), "p.plan.yaml", &plan);
    c.diagnostics(&uri);
    let hover = |c: &mut Client, line: u32, character: u32| {
        c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // On `acv` and on a list entry's `revenue`: the sentences of locales/zh/fields.ftl.
    let text = hover(&mut c, 4, 3);
    assert!(
        text.starts_with("`unit_economics.acv`：年合同额 ACV：一个客户每年付的钱"),
        "{text}"
    );
    assert!(
        text.contains("计算得出的 CAC 回本周期为 11.11 个月"),
        "{text}"
    );
    let text = hover(&mut c, 12, 5);
    assert!(
        text.starts_with("`projections[].revenue`：当年收入，金额按计划的币种计"),
        "{text}"
    );
    // The configuration changes to English: so does the description.
    write_file(dir.path(), "planlint.toml", "lang = \"en\"\n");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [ { "uri": uri_of(&dir.path().join("planlint.toml")), "type": 2 } ] }),
    );
    c.diagnostics(&uri);
    let text = hover(&mut c, 4, 3);
    assert!(
        text.starts_with(
            "`unit_economics.acv`: Annual contract value: money one customer pays a year"
        ),
        "{text}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

/// `text` with LSP text edits (UTF-8 positions) applied.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + p["character"].as_u64().unwrap() as usize
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort();
    let mut out = text.to_string();
    for (a, b, t) in edits.into_iter().rev() {
        out.replace_range(a..b, &t);
    }
    out
}

#[test]
fn code_actions_fix_suppress_and_fix_all_and_a_change_relints() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, uri) = Client::opened(dir.path(), "p.plan.yaml", PLAN);
    let diags = c.diagnostics(&uri);
    let stage = find(&diags, "plan/invalid-value").clone();
    let actions = c.code_actions(&uri, &stage);
    let fix = actions
        .iter()
        .find(|a| a["title"] == "replace `seriesA` with `series_a`")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    let suppress = actions
        .iter()
        .find(|a| a["title"] == "suppress plan/invalid-value on this line (with a reason)")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let suppressed = apply(PLAN, suppress["edit"]["changes"][&uri].as_array().unwrap());
    assert!(
        suppressed
            .contains("\n# planlint-disable-next-line plan/invalid-value -- reason\ncompany:"),
        "{suppressed}"
    );
    let fixed_all = apply(PLAN, all["edit"]["changes"][&uri].as_array().unwrap());
    assert!(
        fixed_all.contains("stage: series_a }") && fixed_all.contains("ltv: 60万"),
        "{fixed_all}"
    );
    // Apply the quick fix as the editor would, and send the change.
    let fixed = apply(PLAN, fix["edit"]["changes"][&uri].as_array().unwrap());
    assert!(fixed.contains("stage: series_a }"), "{fixed}");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [ { "text": fixed } ] }),
    );
    let diags = c.diagnostics(&uri);
    assert!(
        diags.iter().all(|d| d["code"] != "plan/invalid-value"),
        "{diags:#?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "large-customers/ltv-mismatch")
    );
    assert_eq!(c.shutdown(), Some(0));
}

const UNDER_COVERED: &str = "planlint: 1\ncurrency: CNY\ncustomer_success:\n  team: true\n  separate_from_support: true\n  outcome_metrics: [write-off rate]\n  headcount: 4\n  accounts_per_csm: 18\nprojections:\n  - { year: 2026, customers: 73 }\n";

#[test]
fn every_way_the_help_proposes_is_a_code_action() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, uri) = Client::opened(dir.path(), "u.plan.yaml", UNDER_COVERED);
    let diags = c.diagnostics(&uri);
    let d = find(&diags, "customer-success/under-covered").clone();
    let actions = c.code_actions(&uri, &d);
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    for (title, after) in [
        (
            "change `headcount: 5` (unsafe: changes the plan's figures)",
            "headcount: 5\n",
        ),
        (
            "change `accounts_per_csm: 19` (unsafe: changes the plan's figures)",
            "accounts_per_csm: 19\n",
        ),
    ] {
        let action = actions
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("no `{title}` in {titles:?}"));
        assert_eq!(action["isPreferred"], false);
        let fixed = apply(
            UNDER_COVERED,
            action["edit"]["changes"][&uri].as_array().unwrap(),
        );
        assert!(fixed.contains(after), "{fixed}");
    }
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn the_config_is_found_per_file_and_read_again_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    write_file(dir.path(), "planlint.toml", "lang = \"zh\"\n");
    let (mut c, uri) = Client::opened(dir.path(), "sub/p.plan.yaml", PLAN);
    let diags = c.diagnostics(&uri);
    let ltv = find(&diags, "large-customers/ltv-mismatch");
    assert!(
        ltv["message"].as_str().unwrap().contains("60万 CNY"),
        "{ltv}"
    );
    write_file(dir.path(), "planlint.toml", "lang = \"en\"\n");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [ { "uri": uri_of(&dir.path().join("planlint.toml")), "type": 2 } ] }),
    );
    let diags = c.diagnostics(&uri);
    let ltv = find(&diags, "large-customers/ltv-mismatch");
    assert!(
        ltv["message"].as_str().unwrap().contains("600,000 CNY"),
        "{ltv}"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn malformed_messages_get_errors_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::start(dir.path());
    // Before initialize, a request is refused.
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002, "{r}");
    c.initialize(&["utf-8"], dir.path());
    c.raw(b"{not json");
    let r = c.response(Value::Null);
    assert_eq!(r["error"]["code"], -32700, "{r}");
    c.raw(br#"{"jsonrpc":"2.0","id":77,"method":5}"#);
    let r = c.response(json!(77));
    assert_eq!(r["error"]["code"], -32600, "{r}");
    let r = c.request("planlint/nothing", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    let r = c.request("textDocument/hover", json!(5));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    // A document that is no plan gets no findings; a plan still does.
    let other = uri_of(dir.path()) + "/other.yaml";
    c.open(&other, "a: [1, 2\n");
    let plan = uri_of(dir.path()) + "/p.plan.yaml";
    c.open(
        &plan,
        "planlint: 1\ncurrency: CNY\ncompany: {stage: seriesA}\n",
    );
    let diags = c.diagnostics(&plan);
    assert!(diags.iter().any(|d| d["code"] == "plan/invalid-value"));
    assert!(
        c.pending.iter().all(|v| v["params"]["uri"] != json!(other)),
        "{:?}",
        c.pending
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn exit_without_shutdown_is_an_error_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::start(dir.path());
    c.initialize(&[], dir.path());
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert_eq!(status.code(), Some(2));
}
