//! `--format junit`: not written yet (issue 4).

use super::RunInfo;
use crate::engine::FileReport;

pub fn render(_reports: &[FileReport], _info: &RunInfo) -> String {
    String::new()
}
