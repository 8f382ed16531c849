-- End-to-end check of `artlint lsp` with Neovim's own LSP client (run by
-- lsp_e2e_test.go): open a record whose stated count is wrong, print the
-- diagnostics, fix the count, print them again, apply the typography quick
-- fix, print the line. Works with Neovim 0.7 (vim.lsp.start_client and
-- vim.lsp.buf_attach_client) and later (vim.lsp.start).
--
-- Environment: ARTLINT_BIN (the binary), ARTLINT_RECORD (the record to
-- open), ARTLINT_OUT (where to write one JSON object per step).

local bin = assert(os.getenv('ARTLINT_BIN'))
local record = assert(os.getenv('ARTLINT_RECORD'))
local out = assert(io.open(assert(os.getenv('ARTLINT_OUT')), 'w'))

local function emit(t)
  out:write(vim.json.encode(t) .. '\n')
  out:flush()
end

local last -- the latest textDocument/publishDiagnostics params
local function on_diagnostics(_, result, ctx, config)
  last = result
  vim.lsp.diagnostic.on_publish_diagnostics(_, result, ctx, config)
end

local function wait_for(what, pred)
  if not vim.wait(20000, pred, 20) then
    error('timed out waiting for ' .. what)
  end
end

local function simplify(diags)
  local out = {}
  for _, d in ipairs(diags) do
    table.insert(out, { code = d.code, message = d.message, range = d.range, data = d.data,
      source = d.source, severity = d.severity, relatedInformation = d.relatedInformation })
  end
  return out
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(record))
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = 'artlint',
    cmd = { bin, 'lsp', '--debounce', '50ms' },
    root_dir = vim.fn.fnamemodify(record, ':p:h'),
    handlers = { ['textDocument/publishDiagnostics'] = on_diagnostics },
  }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  assert(client_id, 'the client did not start')

  -- 1. The record as written: a stated-count error.
  wait_for('diagnostics on open', function() return last ~= nil end)
  local client = vim.lsp.get_client_by_id(client_id)
  emit({ step = 'open', encoding = client.offset_encoding, version = last.version,
    nvim = vim.version(), diagnostics = simplify(last.diagnostics) })

  -- 2. Fix the count by editing the buffer: "douze" becomes "treize".
  local row, col
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)) do
    local s = line:find('douze', 1, true)
    if s then row, col = i - 1, s - 1 end
  end
  assert(row, 'no "douze" in the buffer')
  last = nil
  vim.api.nvim_buf_set_text(bufnr, row, col, row, col + #'douze', { 'treize' })
  wait_for('diagnostics after the edit', function() return last ~= nil end)
  emit({ step = 'edited', version = last.version, changedtick = vim.api.nvim_buf_get_changedtick(bufnr),
    diagnostics = simplify(last.diagnostics) })

  -- 3. Apply the typography quick fix of the first straight apostrophe.
  local target
  for _, d in ipairs(last.diagnostics) do
    if d.code == 'typography' and d.message:find('straight apostrophe', 1, true) and not target then
      target = d
    end
  end
  assert(target, 'no straight-apostrophe diagnostic')
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = target.range,
    context = { diagnostics = { target } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local actions = (responses and responses[client_id] and responses[client_id].result) or {}
  local titles, chosen = {}, nil
  for _, a in ipairs(actions) do
    table.insert(titles, a.title)
    if a.isPreferred and not chosen then chosen = a end
  end
  assert(chosen, 'no preferred code action')
  last = nil
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  wait_for('diagnostics after the fix', function() return last ~= nil end)
  emit({ step = 'fixed', titles = titles, applied = chosen.title,
    line = vim.api.nvim_buf_get_lines(bufnr, target.range.start.line, target.range.start.line + 1, true)[1],
    diagnostics = simplify(last.diagnostics) })

  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', function() return vim.lsp.get_client_by_id(client_id) == nil end)
  emit({ step = 'stopped' })
end

local ok, err = pcall(main)
if not ok then emit({ step = 'error', message = tostring(err) }) end
out:close()
vim.cmd('qall!')
