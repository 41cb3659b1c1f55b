-- Counts one submission, once: live statistics of a contest and of its round.
-- KEYS as in stats-opened.lua.
-- ARGV: attempt id, participant id, unit code, district, hour (epoch hours), score,
-- duration (ms), then per question: question id, option chosen (0 = unanswered)
if redis.call('SADD', KEYS[1], 's' .. ARGV[1]) == 0 then
  return 0
end
local score = tonumber(ARGV[6])
for s = 0, 1 do
  local b = 2 + s * 5
  local h = KEYS[b + 1]
  redis.call('HINCRBY', h, 'submitted', 1)
  redis.call('HINCRBY', h, 'duration', ARGV[7])
  redis.call('HINCRBY', h, 'score:' .. score, 1)
  redis.call('HINCRBY', h, 'u:' .. ARGV[3] .. ':n', 1)
  redis.call('HINCRBY', h, 'u:' .. ARGV[3] .. ':s', score)
  redis.call('HINCRBY', h, 'd:' .. ARGV[4] .. ':n', 1)
  redis.call('HINCRBY', h, 'd:' .. ARGV[4] .. ':s', score)
  redis.call('HINCRBY', h, 'h:' .. ARGV[5] .. ':s', 1)
  local best = KEYS[b + 5]
  local old = redis.call('ZSCORE', best, ARGV[2])
  if not old then
    redis.call('ZADD', best, score, ARGV[2])
    redis.call('HINCRBY', h, 'best:' .. score, 1)
  elseif tonumber(old) < score then
    redis.call('ZADD', best, score, ARGV[2])
    redis.call('HINCRBY', h, 'best:' .. tonumber(old), -1)
    redis.call('HINCRBY', h, 'best:' .. score, 1)
  end
  for i = 8, #ARGV, 2 do
    redis.call('HINCRBY', h, 'q:' .. ARGV[i] .. ':' .. ARGV[i + 1], 1)
  end
end
redis.call('INCR', KEYS[2])
return 1
