-- Headless Neovim as a copydesk language-server client.
-- Opens $COPYDESK_FILE, starts `$COPYDESK_BIN lsp`, waits for diagnostics, and writes one
-- line per diagnostic to $COPYDESK_OUT: "line:column:code:severity" (1-based line and
-- column; severity 1 error, 2 warning, 3 information).
local bin = assert(os.getenv("COPYDESK_BIN"), "COPYDESK_BIN is not set")
local file = assert(os.getenv("COPYDESK_FILE"), "COPYDESK_FILE is not set")
local out = assert(os.getenv("COPYDESK_OUT"), "COPYDESK_OUT is not set")

vim.cmd("edit " .. vim.fn.fnameescape(file))
local client = vim.lsp.start_client({
  name = "copydesk",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
})
vim.lsp.buf_attach_client(0, client)

local arrived = vim.wait(20000, function()
  return #vim.diagnostic.get(0) > 0
end, 20)

local lines = {}
if not arrived then
  table.insert(lines, "timeout")
end
local found = vim.diagnostic.get(0)
table.sort(found, function(a, b)
  if a.lnum ~= b.lnum then
    return a.lnum < b.lnum
  end
  return a.col < b.col
end)
for _, d in ipairs(found) do
  table.insert(lines, string.format("%d:%d:%s:%d", d.lnum + 1, d.col + 1, tostring(d.code), d.severity))
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(client)
vim.cmd("qall!")
