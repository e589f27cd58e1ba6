-- Applies the writes in KEYS/ARGV all or nothing. Each write has five ARGV entries:
-- kind ('set' or 'del'), expected ETag ('' for none), first-write ('1' or '0'), TTL seconds (0 = none), data.
-- Every ETag and first-write check runs first, against the state the earlier writes of the batch will leave,
-- so a failed check returns before anything changed: Lua scripts are atomic but are not rolled back.
local n = #KEYS
local planned = {}
local function state_of(key)
  local s = planned[key]
  if s then
    return s
  end
  local kind = redis.call('TYPE', key)['ok']
  if kind == 'none' then
    s = {exists = false, version = 0}
  elseif kind == 'hash' then
    s = {exists = true, version = tonumber(redis.call('HGET', key, 'version')) or 0}
  else
    s = {exists = true, version = 0}
  end
  return s
end
for i = 1, n do
  local at = (i - 1) * 5
  local key, etag = KEYS[i], ARGV[at + 2]
  local s = state_of(key)
  if etag ~= '' then
    if not s.exists or tostring(s.version) ~= etag then
      return redis.error_reply('ETAG_MISMATCH ' .. i)
    end
  elseif ARGV[at + 1] == 'set' and ARGV[at + 3] == '1' and s.exists then
    return redis.error_reply('ETAG_MISMATCH ' .. i)
  end
  if ARGV[at + 1] == 'set' then
    planned[key] = {exists = true, version = s.version + 1}
  else
    planned[key] = {exists = false, version = 0}
  end
end
for i = 1, n do
  local at = (i - 1) * 5
  local key = KEYS[i]
  if ARGV[at + 1] == 'set' then
    if redis.call('TYPE', key)['ok'] ~= 'hash' then
      redis.call('DEL', key)
    end
    redis.call('HSET', key, 'data', ARGV[at + 5])
    redis.call('HINCRBY', key, 'version', 1)
    local ttl = tonumber(ARGV[at + 4])
    if ttl > 0 then
      redis.call('EXPIRE', key, ttl)
    else
      redis.call('PERSIST', key)
    end
  else
    redis.call('DEL', key)
  end
end
return n
