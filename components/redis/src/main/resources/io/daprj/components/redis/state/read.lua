-- Reads every key in KEYS in one atomic step. Per key it returns four entries:
-- kind (0 missing, 1 hash as Dapr writes it, 2 plain string from older writers), data, version, PTTL in ms.
local out = {}
for i, key in ipairs(KEYS) do
  local kind = redis.call('TYPE', key)['ok']
  if kind == 'hash' then
    local fields = redis.call('HMGET', key, 'data', 'version')
    out[#out + 1] = 1
    out[#out + 1] = fields[1]
    out[#out + 1] = fields[2]
    out[#out + 1] = redis.call('PTTL', key)
  elseif kind == 'string' then
    out[#out + 1] = 2
    out[#out + 1] = redis.call('GET', key)
    out[#out + 1] = false
    out[#out + 1] = redis.call('PTTL', key)
  else
    out[#out + 1] = 0
    out[#out + 1] = false
    out[#out + 1] = false
    out[#out + 1] = -2
  end
end
return out
