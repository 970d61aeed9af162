-- Drives planlint's language server from a headless Neovim, as a user's editor would:
-- open a plan, wait for the diagnostics, ask for code actions on the first finding of
-- $RULE, apply the preferred one, and write what Neovim saw to $OUT as JSON.
local bin, plan, out, rule = os.getenv('PLANLINT_BIN'), os.getenv('PLAN'), os.getenv('OUT'), os.getenv('RULE')
local result = { diagnostics = {} }
local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end
vim.cmd('edit ' .. vim.fn.fnameescape(plan))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'planlint', cmd = { bin, 'server' }, root_dir = vim.fn.fnamemodify(plan, ':h') })
vim.lsp.buf_attach_client(buf, id)
result.got_diagnostics = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (d.user_data or {}).lsp or {}
  local code = d.code or lsp.code
  table.insert(result.diagnostics, { code = code, lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message })
  if code == rule and not target then target = d end
end
if not target then return finish() end
local client = vim.lsp.get_client_by_id(id)
-- As `vim.lsp.buf.code_action()` does: the range of the finding, and the line's
-- diagnostics in the protocol's shape.
local params = vim.lsp.util.make_given_range_params(
  { target.lnum + 1, target.col }, { target.end_lnum + 1, target.end_col }, buf, client.offset_encoding)
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum) }
local resp = client.request_sync('textDocument/codeAction', params, 20000, buf)
result.actions = {}
result.error = resp and resp.err and vim.inspect(resp.err) or (resp == nil and "no response" or nil)
for _, a in ipairs((resp or {}).result or {}) do
  table.insert(result.actions, a.title)
  if a.isPreferred and not result.applied then
    vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
    result.applied = a.title
  end
end
result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
-- The change reaches the server, which lints again: the finding is gone.
result.cleared = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    if (d.code or lsp.code) == rule then return false end
  end
  return true
end, 20)
vim.lsp.stop_client(id)
finish()
