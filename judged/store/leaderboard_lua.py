"""The leaderboard's Lua scripts. Each touches only keys of one competition (one hash tag), declared in KEYS.

`UPDATE` keeps, per participant and problem, every submission (id -> contest seconds and
verdict) and recomputes that problem's cell and the participant's packed score from all of
them, in each view. A duplicate, a retry, an out-of-order result or a rejudge (same id, new
verdict) is therefore right by construction; a result that changes nothing returns 0 early.
The arithmetic is `judged.store.scoreboard`'s, which a property test holds them to.
"""

from __future__ import annotations

from judged.store.scoreboard import PENALTY_MAX, SOLVED_SHIFT, TIME_BITS, TIME_MAX

# The update of one submission, as a Lua function over its keys and arguments:
#   k: subs (the participant's submissions to the problem, a hash), row (the participant's cells,
#      a hash), live and public (boards), live_solves and public_solves (first solves of the problem),
#      version (the board's change counter) and changes (participant -> number of their last change);
#   a: sid, seconds (contest seconds, text), verdict ('?' pending), mode ('record' or 'pending'),
#      user, label; c: freeze (public freeze from, contest seconds, or nil), icpc (bool), penalty (minutes).
# Returns 1 when the submission changed what is stored, 0 when it was known already.
_APPLY = f"""
local function cell(entries, frozen_from)
  local rejected, pending = 0, 0
  for _, e in ipairs(entries) do
    local v = e[3]
    if frozen_from and e[1] >= frozen_from then v = '?' end
    if v == 'AC' then return '1 ' .. rejected .. ' ' .. pending .. ' ' .. e[4], e[4] end
    if v == '?' then
      pending = pending + 1
    elseif v ~= 'CE' and v ~= 'IE' then
      rejected = rejected + 1
    end
  end
  return '0 ' .. rejected .. ' ' .. pending .. ' -', nil
end

local function score(row, prefix, c)
  local fields = redis.call('HGETALL', row)
  local solved, penalty, last = 0, 0, 0
  for i = 1, #fields, 2 do
    if string.sub(fields[i], 1, 2) == prefix then
      local s, r, t = string.match(fields[i + 1], '^(%d+) (%d+) %d+ (%S+)$')
      if s == '1' then
        local seconds = tonumber(t)
        solved = solved + 1
        if math.floor(seconds) > last then last = math.floor(seconds) end
        if c.icpc then penalty = penalty + math.floor(seconds / 60) + c.penalty * tonumber(r) end
      end
    end
  end
  penalty = math.min(penalty, {PENALTY_MAX})
  last = math.min(last, {TIME_MAX})
  return solved * {1 << SOLVED_SHIFT} + ({PENALTY_MAX} - penalty) * {1 << TIME_BITS} + ({TIME_MAX} - last)
end

local function apply(k, a, c)
  local value = a.seconds .. ' ' .. a.verdict
  if a.mode == 'pending' then
    if redis.call('HSETNX', k.subs, a.sid, value) == 0 then return 0 end
  else
    if redis.call('HGET', k.subs, a.sid) == value then return 0 end
    redis.call('HSET', k.subs, a.sid, value)
  end
  local raw = redis.call('HGETALL', k.subs)
  local entries = {{}}
  for i = 1, #raw, 2 do
    local t, v = string.match(raw[i + 1], '^(%S+) (%S+)$')
    entries[#entries + 1] = {{tonumber(t), raw[i], v, t}}
  end
  table.sort(entries, function(x, y)
    if x[1] ~= y[1] then return x[1] < y[1] end
    return x[2] < y[2]
  end)
  local function update(prefix, board, solves, frozen_from)
    local text, first = cell(entries, frozen_from)
    redis.call('HSET', k.row, prefix .. a.label, text)
    if first then
      redis.call('ZADD', solves, first, a.user)
    else
      redis.call('ZREM', solves, a.user)
    end
    redis.call('ZADD', board, string.format('%.0f', score(k.row, prefix, c)), a.user)
  end
  update('L:', k.live, k.live_solves, nil)
  if c.freeze then update('P:', k.public, k.public_solves, c.freeze) end
  redis.call('ZADD', k.changes, redis.call('INCR', k.version), a.user)
  return 1
end
"""

# One submission. KEYS: subs, row, live, public, live_solves, public_solves, version, changes (as `apply`'s k).
# ARGV: sid, seconds, verdict, mode, user, label, freeze ('' without), rule, penalty minutes.
UPDATE = (
    _APPLY
    + """
local k = {subs = KEYS[1], row = KEYS[2], live = KEYS[3], public = KEYS[4],
           live_solves = KEYS[5], public_solves = KEYS[6], version = KEYS[7], changes = KEYS[8]}
local a = {sid = ARGV[1], seconds = ARGV[2], verdict = ARGV[3], mode = ARGV[4], user = ARGV[5], label = ARGV[6]}
local c = {freeze = tonumber(ARGV[7]), icpc = ARGV[8] == 'icpc', penalty = tonumber(ARGV[9])}
return apply(k, a, c)
"""
)

# Many submissions of one competition (a rebuild's replay), in order. KEYS: live, public, version, changes.
# ARGV: [1] freeze ('' without), [2] rule, [3] penalty minutes, then key templates of the
# participant's keys in which byte 1 stands for the user and byte 2 for the label: [4] subs,
# [5] row, [6] live solves, [7] public solves; then six per submission: sid, seconds, verdict,
# mode, user, label. The templates are `Keys`' own names (all under the competition's hash
# tag, so in the same slot as KEYS). Returns how many submissions changed what is stored.
REPLAY = (
    _APPLY
    + r"""
local function fill(template, user, label)
  local out = template
  local i = string.find(out, '\2', 1, true)
  if i then out = string.sub(out, 1, i - 1) .. label .. string.sub(out, i + 1) end
  local j = string.find(out, '\1', 1, true)
  if j then out = string.sub(out, 1, j - 1) .. user .. string.sub(out, j + 1) end
  return out
end
local c = {freeze = tonumber(ARGV[1]), icpc = ARGV[2] == 'icpc', penalty = tonumber(ARGV[3])}
local changed = 0
for i = 8, #ARGV, 6 do
  local a = {sid = ARGV[i], seconds = ARGV[i + 1], verdict = ARGV[i + 2], mode = ARGV[i + 3],
             user = ARGV[i + 4], label = ARGV[i + 5]}
  local k = {subs = fill(ARGV[4], a.user, a.label), row = fill(ARGV[5], a.user, a.label),
             live = KEYS[1], public = KEYS[2], version = KEYS[3], changes = KEYS[4],
             live_solves = fill(ARGV[6], a.user, a.label), public_solves = fill(ARGV[7], a.user, a.label)}
  changed = changed + apply(k, a, c)
end
return changed
"""
)

# A consistent window of one board. KEYS: [1] board. ARGV: [1] user id ('' for a page), [2] offset
# (page) or neighbours (user), [3] limit (page). Returns {card, start, better, member, score, ...}
# where `better` counts the members strictly above the first one returned; start -1 when the user
# is not on the board.
WINDOW = """
local card = redis.call('ZCARD', KEYS[1])
local start, stop
if ARGV[1] ~= '' then
  local rank = redis.call('ZREVRANK', KEYS[1], ARGV[1])
  if not rank then return {card, -1, 0} end
  start = math.max(0, rank - tonumber(ARGV[2]))
  stop = rank + tonumber(ARGV[2])
else
  start = tonumber(ARGV[2])
  stop = start + tonumber(ARGV[3]) - 1
end
local found = redis.call('ZREVRANGE', KEYS[1], start, stop, 'WITHSCORES')
local better = 0
if #found > 0 then better = redis.call('ZCOUNT', KEYS[1], '(' .. found[2], '+inf') end
local reply = {card, start, better}
for i = 1, #found do reply[#reply + 1] = found[i] end
return reply
"""

# What changed on a competition's board since a snapshot read it (`judged.store.leaderboard_snapshot`).
# KEYS: [1] live board, [2] public board, [3] changes, [4] version, [5] epoch, then the first-solve sets
# (live then public, per label). ARGV: [1] the version the snapshot has, [2] its epoch, [3] the most
# changed participants to return, [4] the template of a participant's row key (byte 1 for the user).
# Returns {version, epoch, firsts, changed} where firsts holds each first-solve set's lowest score
# ('' if none) and changed {user, live score, public score, row fields...} per participant changed
# since ARGV[1] (scores false when absent); changed is false when the snapshot must be read whole
# (another epoch, or more changes than ARGV[3]).
CHANGES = r"""
local version = tonumber(redis.call('GET', KEYS[4]) or '0')
local epoch = redis.call('GET', KEYS[5]) or '0'
local firsts = {}
for i = 6, #KEYS do
  local lowest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
  firsts[#firsts + 1] = lowest[2] or ''
end
if epoch ~= ARGV[2] or redis.call('ZCOUNT', KEYS[3], '(' .. ARGV[1], '+inf') > tonumber(ARGV[3]) then
  return {version, epoch, firsts, false}
end
local users = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. ARGV[1], '+inf')
local changed = {}
local at = string.find(ARGV[4], '\1', 1, true)
for _, user in ipairs(users) do
  local row = string.sub(ARGV[4], 1, at - 1) .. user .. string.sub(ARGV[4], at + 1)
  changed[#changed + 1] = {user, redis.call('ZSCORE', KEYS[1], user) or false,
                           redis.call('ZSCORE', KEYS[2], user) or false, redis.call('HGETALL', row)}
end
return {version, epoch, firsts, changed}
"""
