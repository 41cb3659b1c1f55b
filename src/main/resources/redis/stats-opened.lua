-- Counts one attempt's start, once: live statistics of a contest and of its round.
-- KEYS[1] seen set, KEYS[2] version counter; then per scope (contest, round) 5 keys:
-- counters hash, people set, unit people set, district people set, best-score zset.
-- ARGV: attempt id, participant id, unit code, district, hour (epoch hours)
if redis.call('SADD', KEYS[1], 'o' .. ARGV[1]) == 0 then
  return 0
end
for s = 0, 1 do
  local b = 2 + s * 5
  local h = KEYS[b + 1]
  redis.call('HINCRBY', h, 'started', 1)
  if redis.call('SADD', KEYS[b + 2], ARGV[2]) == 1 then
    redis.call('HINCRBY', h, 'participants', 1)
  end
  redis.call('HINCRBY', h, 'u:' .. ARGV[3] .. ':a', 1)
  if redis.call('SADD', KEYS[b + 3], ARGV[2]) == 1 then
    redis.call('HINCRBY', h, 'u:' .. ARGV[3] .. ':p', 1)
  end
  redis.call('HINCRBY', h, 'd:' .. ARGV[4] .. ':a', 1)
  if redis.call('SADD', KEYS[b + 4], ARGV[2]) == 1 then
    redis.call('HINCRBY', h, 'd:' .. ARGV[4] .. ':p', 1)
  end
  redis.call('HINCRBY', h, 'h:' .. ARGV[5] .. ':o', 1)
end
redis.call('INCR', KEYS[2])
return 1
