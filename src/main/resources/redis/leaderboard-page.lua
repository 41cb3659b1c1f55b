-- The top of a board with what the public sees of its people, in one step.
-- KEYS[1] the board (zset participant -> value, best first), KEYS[2] the people (hash
-- participant -> masked name, unit and district); ARGV[1] how many entries
-- Returns {how many the board ranks, then per entry: its value (as Redis writes a score), its
-- person (nil when the hash lacks it)}.
local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
local result = {redis.call('ZCARD', KEYS[1])}
if #top == 0 then
  return result
end
local members = {}
for i = 1, #top, 2 do
  members[#members + 1] = top[i]
end
local people = redis.call('HMGET', KEYS[2], unpack(members))
for i = 1, #members do
  result[#result + 1] = top[2 * i]
  result[#result + 1] = people[i]
end
return result
