-- Where one participant stands on four boards, in one step: per board the participant's rank
-- (1 = first; 0 while the board does not have them) and how many the board ranks.
-- KEYS[1..4] the boards: the round's, the contest's, the unit's in the round, the district's in
-- the round; ARGV[1] the participant
-- Returns {rank, ranked} per board, in the order of KEYS.
local result = {}
for i = 1, #KEYS do
  local rank = redis.call('ZREVRANK', KEYS[i], ARGV[1])
  result[#result + 1] = rank and (rank + 1) or 0
  result[#result + 1] = redis.call('ZCARD', KEYS[i])
end
return result
