"""Chinese promise verbs: 我们会给您回电, 明天给您发货, 马上为您处理, 师傅会联系您, 您就能收到.

Chinese marks no tense on the verb: a statement is about the future because of a word
before the verb — a modal or adverb (会, 将, 就, 马上, 稍后, 尽快), a time expression (明天发货),
a benefactive (给您/为您/帮您 + verb: the company acting for the customer), or, with a
first-person subject, an action verb of customer service said plainly (我们安排师傅上门).
Between that word and the verb stand fillers (再, 尽快, 给您, 在三个工作日内…); the verb is
the first action word after them. Each clause (between commas) is read on its own.

Not promises: a verb with 了 or 过 and no future word (已经发货了, 发货了), after 已经/正在, or
negated (不会, 没有, 无法); offers and permissions with 可以/能 (可以给您退款, 您可以联系客服)
unless the verb is an outcome (能收到, 可以到账); requests to the customer (请您尽快付款,
麻烦您, 建议您); clauses with 如果/要是/…的话 (conditions), 吗/是否/能不能 (questions),
可能/也许/不一定 (hedges) or 希望/祝/欢迎 (wishes); relative clauses (给您发的快递).

Segmentation is jieba's, which the packs' terms change (为您服务 may come out as one word),
so words are re-cut where a time expression or a 给您/为您 starts inside a token, and the
verb is the longest known service verb at its place (到账, 送货上门) before jieba's word.
The word is its own lemma.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from replyguard.lang.zh.time import find_times
from replyguard.when import PromiseVerb, Voice

if TYPE_CHECKING:
    from replyguard.lang.base import Analysis


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# a reply with none of these states no future action
_PREFILTER = re.compile(
    r"[会将要就马上立即刻稍随给为帮替能可到再0-9今明后天周星礼拜月点号内前底尽第排补发寄退回联系处理]"
)

_MODALS = _words(
    "会 将 将会 将要 要 就 就会 马上 马上就 立即 立刻 立马 稍后 随后 即将 尽快 第一时间 这就 现在就 届时 随即 再"
    " 不日 近期 近日 近期内 很快 很快就 不久 过几天 过两天 这两天 回头 改天 晚点 晚些 晚些时候 尽早"
)
_THANKS = ("感谢", "谢谢", "多谢", "感激")
_ON_THE_WAY = _words("去 来 需要 得")  # 我去了解, 我来处理, 我需要请示: still our act
_BARE_ONLY = _words("就 再")  # future words only after a time: 明天就到了, not 没两天就坏了
_BENEFACTIVE = _words("给 为 帮 替")
_YOU = _words("您 你 您们 你们 亲")
_FILLERS = _words(
    "再 也 都 还 尽快 尽早 马上 马上就 立即 立刻 立马 及时 亲自 优先 统一 陆续 一起 全部 重新 直接 第一时间 一定 "
    "肯定 准时 按时 专门 主动 继续 逐一 免费 一并 同步 集中 尽量 先 会 将 将会 将要 就 就会 要 稍后 随后 即将 在 "
    "于 给 为 帮 替 跟 和 与 向 对 能 可以 能够 可 以内 之内 内 之前 以前 前 左右 前后 这边 认真 好好 积极 全力 "
    "努力 快速 迅速 及早 当天 届时 随即 同时 会尽快 都会 也会 还会 就能 也能 都能 才能 才 便 即可 大概 大约 预计 "
    "最晚 最迟 最快 这就 现在就"
    " 高度 非常 十分 更加 进一步 持续 不断 切实 严格 仔细 耐心地 专人 加急 优先"
    " 原路 按原路 全额 如期 按期 分批"
    " 不日 近期 近日 近期内 很快 很快就 不久 过几天 过两天 这两天 回头 改天 晚点 晚些 晚些时候"
)
# times the grammar does not read (年前: before the Spring Festival), never a subject
_VAGUE_TIMES = _words("年前 年后 节前 节后 春节前 春节后 过年前 近期 近日 最近 这两天 过几天 稍后 随后 回头")
_AT_ONCE = _words("第一时间 马上 马上就 立即 立刻 立马 随即")
_GLUED_MODALS = frozenset("会将就再")
_JOINED = _words("第一时间 马上就 立马就 原路 过几天 过两天")
# the passive and light verbs: 会得到解决, 将被处理, 将予以退款 (nobody named: impersonal)
_PASSIVE = _words("被 予以 得到 获得 给予 进行 受到 得以")
_CAN = _words("能 可以 能够 可 就能 也能 都能 才能 即可")
_NEGATION = _words(
    "不 没 没有 别 未 不会 不能 无法 不要 不用 不必 不再 并不 从不 决不 绝不 不可 不可以 不了 暂不 暂时不"
)
_PAST = _words("已 已经 刚 刚刚 曾 曾经 早已 早就 之前已")
_PRESENT = _words("正在 正 在此")
_OBJECT_MARKERS = _words("把")
# 将 before a noun marks the object as 把 does (会在三天内将票款退回); 以 / 通过 / 用 + a noun
# phrase say how (以短信方式通知您): the verb comes after the noun phrase either way
_MARKER_ALSO = _words("将 以 通过 用")
_CAUSATIVE = _words("让 请 叫 派")
_CONDITIONS = ("如果", "如若", "如有", "如需", "要是", "假如", "假使", "若是", "倘若", "万一", "一旦", "只要", "若")
# 是否 / 能否 / 可否 mid-clause ask indirectly (半小时内给您答复是否可以换新); a direct
# question ends with ？, and the caller drops those sentences whole
_QUESTIONS = ("吗", "会不会", "能不能", "可不可以", "要不要", "有没有", "是不是", "么")
_HEDGES = _words("可能 也许 或许 说不定 不一定 未必 大概率")
_WISHES = _words("希望 祝 祝您 期待 欢迎 愿 但愿")
_REQUESTS = _words("请 请您 麻烦 麻烦您 烦请 劳烦 务必 记得 建议 建议您 需要您 您需要 您先 辛苦")
_CLAUSE_LINKS = _words("后 之后 以后 时 时候 的时候 等 等到 然后 以前 之前 前 完 好")
_FIRST = _words(
    "我 我们 咱们 咱 本人 我司 本店 小店 我方 这边 我这边 我们这边 这里 本公司 公司 店铺 商家 小编 店家 我们公司 本平台"
)
_THIRD_PRONOUNS = _words("他 她 他们 她们 对方 它")
# words jieba tags as verbs that are subjects here (快递明天到, 退款会到账)
_THINGS = _words("快递 包裹 退款 货 货物 订单 款项 钱 物流 快件 商品 赠品 发票 配件 补发 退货 换货 新货 余款 差价")
_NOUN_SUFFIXES = frozenset("员 师 方 部 处 组 商 哥")
# action verbs of customer service, found at their place whatever jieba cut
_ACTIONS = _words(
    "回电 回电话 致电 来电 打电话 打给 电话联系 联系 联络 回复 答复 回覆 反馈 告知 通知 告诉 确认 核实 核查 查询 "
    "查 查看 跟进 处理 解决 安排 发货 发出 发 寄出 寄 寄回 寄过去 发过去 补发 补寄 重发 换货 更换 换 调换 送 "
    "送达 送到 送货 送货上门 派送 配送 上门 到 到达 到货 到账 退款 退回 退还 返还 退 赔偿 补偿 返现 打款 转账 "
    "收到 拿到 接到 修 维修 修好 修复 恢复 上线 开通 办理 审核 登记 提交 申请 催 催促 加急 改进 加强 注意 优化 "
    "完善 整改 调查 培训 提醒 协调 沟通 核对 检查 检测 给 退给 补给 留意 落实 解答 回访 上报 记录 关注 赠送 送给 "
    "补 升级 更新 修正 纠正 道歉 致歉 跟踪 催件 取件 揽收 签收 "
    # finding the answer out before giving it: 我帮您问问, 我去了解一下, 我把问题转交给技术部门
    "问问 问一下 了解 打听 请示 咨询 转交 交给 转给 转达 转告"
    " 重视 吸取 杜绝 避免 提高 督促 规范 教育 批评 考核 排查 改正 跟单 发放 退费 送回 寄送 邮寄 邮寄到"
)
# what the customer gets: with 能/可以 a promise (能收到), and the only verbs of a «you will…»
_OUTCOMES = _words(
    "到 到达 到货 到账 收到 拿到 接到 送达 送到 退回 恢复 修好 用上 用 签收 解决 好 完成 生效 发出 寄到 看到 "
    "查到 退还 返还"
)
_RECEIVE = _words("收到 拿到 接到 收 看到 查到 用上 签收 到账 享受 获得 得到")
# verbs that are no action promised: states, feelings, speech about the present
_NOT_ACTIONS = _words(
    "是 有 在 会 能 要 请 让 使 觉得 知道 理解 希望 抱歉 感谢 谢谢 喜欢 认为 感到 表示 深感 带来 造成 添 给您添 "
    "服务 为您服务 打扰 等 等待 耐心 放心 担心 着急 需要 可以 应该 得 必须 敬请 欢迎 祝 没 不 成 算 像 叫 姓 "
    "属于 包括 包含"
)
_OBJECT_SKIP = _words("您 你 的 了 吧 呢 啊 哦 哈 呀 一下 下 一个 个 给 为 到 把 再 也 都 就")
_PUNCT = frozenset('，,。！？!?；;：:\n…“”「」"『』、')
_BRACKETS = frozenset("（）()")  # 1月4日（周一）送达: an aside inside the clause, not its end
# what `_skip_clause` looks for after the clause's ends, in the text: a clause without any is kept
_MAY_SKIP = re.compile("|".join(["的话", *_QUESTIONS[1:], *sorted(_HEDGES | _WISHES)]))

# Precomputed for speed: the grammar runs on every reply, so cheap checks decide which units
# need the full reading. Results are those of the full checks.
_TRIGGERS = _MODALS | _CAN | _BENEFACTIVE | _ACTIONS  # the words `_group_at` can start a group at
_RECUT_HEADS = _BENEFACTIVE | _GLUED_MODALS  # a word under 4 characters `_recut` may cut starts so
_JOINED_HEADS = frozenset(joined[:cut] for joined in _JOINED for cut in range(1, len(joined) + 1))
_MARK_HEADS = _PUNCT | _BRACKETS  # a unit that may be punctuation or a bracket starts with one
_FAR = 1 << 62  # after any text: the time span after the last
_FILLERS_ONLY = _FILLERS - _ACTIONS
_NOT_NOW = _NEGATION | _PAST | _PRESENT  # a group after one of these promises nothing
_SPEAKERS = _FIRST | _YOU
_FIRST_OR_REQUESTS = _FIRST | _REQUESTS


@dataclass(slots=True)
class _Unit:
    """A word as this grammar reads it: jieba's token, re-cut at time expressions and at a
    leading 给您/为您; `time` marks a whole time expression."""

    start: int
    end: int
    text: str
    pos: str
    time: bool = False


def find_promise_verbs(analysis: Analysis) -> list[PromiseVerb]:
    """Verb groups that state a future action or outcome (see the module docstring)."""
    text = analysis.text
    if not _PREFILTER.search(text):
        return []
    found: dict[int, PromiseVerb] = {}
    for clause in _clauses(*_units(analysis)):
        # only a time or a trigger word starts a group: other units need no reading
        starts = [at for at, unit in enumerate(clause) if unit.time or unit.text in _TRIGGERS]
        if not starts or _skip_clause(text, clause):
            continue
        for at in starts:
            verb = _group_at(text, clause, at)
            if verb is not None and verb.end not in found:  # one group per verb: the widest
                found[verb.end] = verb
    return sorted(found.values(), key=lambda v: v.start)


def _units(analysis: Analysis) -> tuple[list[_Unit], list[int]]:
    """The reply's units in text order, in one pass over jieba's tokens: each re-cut where
    `_recut` says, flagged as time where a time expression covers it, and joined with the unit
    before where both are one time expression or one `_JOINED` word. Also the indexes of the
    units that start with a punctuation mark or a bracket, for `_clauses`."""
    text = analysis.text
    times = find_times(analysis)
    bounds = [*sorted({t.start for t in times} | {t.end for t in times}), _FAR]
    spans = iter(times)
    time = next(spans, None)
    t_start, t_end = (time.start, time.end) if time is not None else (_FAR, _FAR)
    merged: list[_Unit] = []
    marks: list[int] = []
    last = _Unit(-1, -1, "", "")  # merged[-1] once there is one
    joinable = False  # `last` may start a `_JOINED` word
    k = 0  # bounds[k] is the first bound after the token's start (tokens come in text order)
    for token in analysis.tokens:
        if token.is_space:
            continue
        low, high = token.start, token.end
        while bounds[k] <= low:
            k += 1
        word = token.text  # text[low:high]
        if (
            low < t_start
            and not joinable
            and bounds[k] >= high
            and (high - low < 2 or (high - low < 4 and word[0] not in _RECUT_HEADS))
        ):  # most words: whole, before the next time, joining nothing; the steps below in short
            if word[:1] in _MARK_HEADS:
                marks.append(len(merged))
            merged.append(last := _Unit(low, high, word, token.pos))
            joinable = word in _JOINED_HEADS
            continue
        if bounds[k] < high:  # a time starts or ends inside the token
            inner = [c for c in bounds[k:] if c < high]
            pieces = [unit for a, b in itertools.pairwise([low, *inner, high]) for unit in _recut(text, a, b, "")]
        elif high - low < 2 or (high - low < 4 and word[0] not in _RECUT_HEADS):
            pieces = [_Unit(low, high, word, token.pos)]  # nothing for `_recut` to cut
        else:
            pieces = _recut(text, low, high, token.pos)
        for unit in pieces:
            while t_end <= unit.start:
                time = next(spans, None)
                t_start, t_end = (time.start, time.end) if time is not None else (_FAR, _FAR)
            if t_start <= unit.start and unit.end <= t_end:
                unit.time = True
                if last.time and t_start <= last.start:
                    last = merged[-1] = _Unit(last.start, unit.end, text[last.start : unit.end], "TIME", True)
                    continue  # one time, one unit
            if joinable and last.text + unit.text in _JOINED:
                last = merged[-1] = _Unit(last.start, unit.end, last.text + unit.text, "ADV")  # 第一 + 时间
            else:
                if unit.text[:1] in _MARK_HEADS:
                    marks.append(len(merged))  # a merge into it keeps its first character
                merged.append(unit)
                last = unit
            joinable = not last.time and last.text in _JOINED_HEADS
    return merged, marks


def _recut(text: str, low: int, high: int, pos: str) -> list[_Unit]:
    """jieba's word, cut where it glues grammar to a verb: 给您/为您 + verb (为您服务), a modal
    + verb (会发, 会上 / 门), a noun + verb or verb + noun (意见反馈, 吸取教训)."""
    piece = text[low:high]
    if len(piece) < 2:
        return [_Unit(low, high, piece, pos)]
    if len(piece) > 2 and piece[0] in _BENEFACTIVE and piece[1] in "您你":
        return [
            _Unit(low, low + 1, piece[0], "ADP"),
            _Unit(low + 1, low + 2, piece[1], "PRON"),
            *_recut(text, low + 2, high, ""),
        ]
    if len(piece) >= 2 and piece[0] in _GLUED_MODALS and piece not in _ACTIONS and _action_at(text, low + 1):
        return [_Unit(low, low + 1, piece[0], "VERB"), *_recut(text, low + 1, high, "")]
    if len(piece) >= 4 and pos != "VERB" and piece not in _ACTIONS:
        if piece[:2] in _ACTIONS:
            return [_Unit(low, low + 2, piece[:2], "VERB"), _Unit(low + 2, high, piece[2:], "NOUN")]
        if piece[-2:] in _ACTIONS:
            return [_Unit(low, high - 2, piece[:-2], "NOUN"), _Unit(high - 2, high, piece[-2:], "VERB")]
    return [_Unit(low, high, piece, pos)]


def _action_at(text: str, at: int) -> bool:
    return any(text[at : at + n] in _ACTIONS for n in (4, 3, 2, 1))


def _clauses(units: list[_Unit], marks: list[int]) -> list[list[_Unit]]:
    """The units between punctuation units, without brackets. Only a unit that starts with a
    mark (at an index in `marks`) can be either."""
    clauses: list[list[_Unit]] = []
    clause: list[_Unit] = []
    done = 0  # units[:done] are placed
    for at in marks:
        word = units[at].text
        if all(c in _BRACKETS for c in word):
            bracket = True
        elif word in _PUNCT or all(c in _PUNCT for c in word):
            bracket = False
        else:
            continue
        clause.extend(units[done:at])
        done = at + 1
        if not bracket and clause:
            clauses.append(clause)
            clause = []
    clause.extend(units[done:])
    if clause:
        clauses.append(clause)
    return clauses


def _skip_clause(text: str, clause: list[_Unit]) -> bool:
    """Conditions, questions, hedges and wishes state no promise."""
    first, last = clause[0].text, clause[-1].text
    if first.startswith(_CONDITIONS) or last.endswith("的话") or last in ("吗", "么", "呢"):
        return True
    if not _MAY_SKIP.search(text, clause[0].start, clause[-1].end):
        return False  # none of the words below is written in the clause's stretch of text
    words = {u.text for u in clause}
    if "的话" in words or any(u.text.startswith(_QUESTIONS[1:]) for u in clause):
        return True
    return not (words.isdisjoint(_HEDGES) and words.isdisjoint(_WISHES))


def _group_at(text: str, clause: list[_Unit], at: int) -> PromiseVerb | None:
    """The promise group that starts at `clause[at]`, if a future word starts one there."""
    unit = clause[at]
    nxt = clause[at + 1] if at + 1 < len(clause) else None
    if unit.time:
        trigger = "time"
    elif unit.text in _MODALS:
        trigger = "modal"
    elif unit.text in _CAN:
        trigger = "can"  # 能/可以 + an outcome (能在周五前送到); 可以给您退款 is an offer, dropped below
    elif unit.text in _BENEFACTIVE and nxt is not None and nxt.text in _YOU:
        trigger = "for"
    elif unit.text in _ACTIONS and _said_by_us(clause, at) and _subject(clause, at) == ("first", None):
        trigger = "plain"
    else:
        return None
    if _negated_or_past(clause, at) or _requested(clause, at) or _thanked_for(clause, at):
        return None
    if unit.text in _AT_ONCE and at > 0 and clause[at - 1].text in ("后", "之后", "以后"):
        return None  # 到货后第一时间通知您: «at once after the event», a notice, not an open deadline
    can = trigger == "can" or _can_before(clause, at)
    agent: tuple[Voice, str | None] | None = None
    i = at if trigger == "plain" else at + 1
    steps = 0
    while trigger != "plain" and i < len(clause) and steps < 10:
        current = clause[i]
        word = current.text
        if word in _NOT_NOW:
            return None
        if current.time:
            i += 1
        elif word in _CAN:
            can = True
            i += 1
        elif word == "有人":  # 会有人联系您
            agent = ("impersonal", None)
            i += 1
        elif word == "有" and i + 1 < len(clause):  # 会有专人联系您, 会有师傅上门
            who = clause[i + 1].text
            agent = ("impersonal", None) if who in ("人", "专人", "工作人员", "同事") else ("third", who)
            i += 2
        elif word in _OBJECT_MARKERS or word in _CAUSATIVE or (word in _MARKER_ALSO and _noun_next(clause, i)):
            # 把退款退回 / 让师傅联系您: skip the noun phrase to the verb after it
            j = i + 1
            while j < len(clause) and (clause[j].pos in ("PRON", "NOUN", "PROPN", "X", "") or clause[j].text == "的"):
                if j > i + 1 and _action(text, clause, j):
                    break
                j += 1
            if word in _CAUSATIVE and j > i + 1:
                agent = ("third", "".join(u.text for u in clause[i + 1 : j] if u.text not in _YOU and u.text != "的"))
            if j == i + 1:
                j += 1  # 把 + one word that jieba calls a verb (把退款退回)
            i = j
        elif word in _PASSIVE:
            agent = agent or ("impersonal", None)
            i += 1
        elif word in _FILLERS or word in _YOU:
            i += 1
        else:
            break
        steps += 1
    if i < len(clause) and _action(text, clause, i):
        verb_at = i
    elif _gives(clause, i):
        verb_at = i - 2  # 给您一个满意的答复: the verb is 给, what is given its object
    else:
        return None
    verb_unit = clause[verb_at]
    verb_text = _verb_word(text, verb_unit)
    if can and verb_text not in _OUTCOMES:
        return None  # an offer (可以给您退款) or a permission (您可以联系客服)
    after = clause[verb_at + 1] if verb_at + 1 < len(clause) else None
    if after is not None and (after.text == "过" or (after.text == "了" and not _future_marked(clause, verb_at))):
        return None
    if after is not None and after.text == "的" and verb_at + 2 < len(clause):
        return None  # 给您发的快递: a relative clause
    voice, subject = agent or _subject(clause, at)
    if voice == "third" and subject and _is_thing(subject) and verb_text not in _OUTCOMES | _RECEIVE:
        voice, subject = "impersonal", None  # 发票会邮寄到您的地址: done to it, by nobody named
    if voice == "second" and verb_text not in _RECEIVE and verb_text not in _OUTCOMES:
        return None  # 您会发现…, 您要…: the customer's own doing
    start = clause[at].start if trigger != "time" else _first_after_time(clause, at, verb_at)
    end = verb_unit.start + len(verb_text)
    return PromiseVerb(start, end, (verb_text,), voice, subject, _objects(clause, verb_at, end))


def _is_thing(word: str) -> bool:
    """A thing that things are done to (纸质发票, 退款), not someone who acts."""
    return word in _THINGS or any(word.endswith(thing) for thing in _THINGS if len(thing) > 1)


def _noun_next(clause: list[_Unit], i: int) -> bool:
    return i + 1 < len(clause) and clause[i + 1].pos in ("NOUN", "PROPN", "X") and not clause[i + 1].time


def _gives(clause: list[_Unit], i: int) -> bool:
    """给您 + a noun phrase (一个答复, 满意的答复): 给 is the verb, not a preposition."""
    return (
        2 <= i < len(clause)
        and clause[i - 2].text == "给"
        and clause[i - 1].text in _YOU
        and (clause[i].text in ("一个", "个") or clause[i].pos in ("NUM", "ADJ", "NOUN"))
    )


def _first_after_time(clause: list[_Unit], at: int, verb_at: int) -> int:
    for unit in clause[at + 1 : verb_at + 1]:
        if not unit.time:
            return unit.start
    return clause[verb_at].start


def _verb_word(text: str, unit: _Unit) -> str:
    """The verb at the unit: the longest service verb written there, even across jieba's
    cut (到 / 账 is 到账), else jieba's word."""
    known = next(
        (text[unit.start : unit.start + n] for n in (4, 3, 2, 1) if text[unit.start : unit.start + n] in _ACTIONS), ""
    )
    if known and (len(known) >= len(unit.text) or unit.pos != "VERB"):
        return known
    return unit.text


def _action(text: str, clause: list[_Unit], i: int) -> bool:
    unit = clause[i]
    if unit.pos == "" and not unit.time and _action_at(text, unit.start):
        return True  # a piece re-cut from jieba's word (会上 / 门: 上门)
    if unit.time or unit.text in _NOT_ACTIONS or unit.text in _FILLERS_ONLY:
        return False
    if unit.text in _ACTIONS or any(unit.text[:size] in _ACTIONS for size in (2, 3, 4) if size <= len(unit.text)):
        return True
    return unit.pos == "VERB" and unit.text not in _THINGS


def _future_marked(clause: list[_Unit], verb_at: int) -> bool:
    """明天就到了 / 马上就好了: 了 after a future word (not a time alone: 昨天发货了) marks a
    change to come, not a past act. 就 and 再 alone mark nothing (没两天发动机就出现了异响
    happened): they need a time before them (明天就到了)."""
    before = clause[:verb_at]
    for i, unit in enumerate(before):
        if unit.text in _MODALS and (unit.text not in _BARE_ONLY or any(u.time for u in before[:i])):
            return True
    return False


def _can_before(clause: list[_Unit], at: int) -> bool:
    """能/可以 between the subject and the group (我们可以明天给您退款: an offer)."""
    for unit in reversed(clause[:at]):
        if unit.text in _CAN:
            return True
        if not (unit.time or unit.text in _FILLERS or unit.pos == "ADV"):
            return False
    return False


def _negated_or_past(clause: list[_Unit], at: int) -> bool:
    for unit in reversed(clause[max(0, at - 3) : at]):
        if unit.text in _NOT_NOW:
            return True
        if unit.text in _SPEAKERS:
            break
    return False


def _thanked_for(clause: list[_Unit], at: int) -> bool:
    """感谢您第一时间告诉我们: what follows 感谢/谢谢 is the customer's act, done already."""
    return any(unit.text.startswith(_THANKS) for unit in clause[:at])  # 感谢您 may be one word


def _requested(clause: list[_Unit], at: int) -> bool:
    """请您…, 麻烦您…, 建议您…: the customer is asked, unless we speak after the request."""
    for unit in reversed(clause[:at]):
        if unit.text in _FIRST_OR_REQUESTS:
            return unit.text not in _FIRST
    return False


def _said_by_us(clause: list[_Unit], at: int) -> bool:
    """A plain action verb is a promise only right after a first-person subject (我们安排师傅
    上门), not after 的 (我们的处理) or inside a noun phrase."""
    j = _before_fillers(clause, at - 1)
    if j >= 0 and clause[j].text in _ON_THE_WAY:
        j = _before_fillers(clause, j - 1)  # 我去了解一下, 我需要请示一下
    if j >= 0 and clause[j].text not in ("把", "的", *_FIRST) and clause[j].text not in _ACTIONS:
        # after the object a 把 fronted (我把您的问题|转交给技术部门); not the object itself
        # (把退款|退回, 的退款) nor a complement after another verb (退回|到)
        j = _before_fillers(clause, _ba(clause, j) - 1)
    if j < 0 or clause[j].text not in _FIRST:
        return False
    after = clause[at + 1] if at + 1 < len(clause) else None
    return after is None or after.text not in (
        "了",
        "过",
        "的",
        "中",
        "着",
        "到",
        "好",
        "完",
        "后",
        "之后",
        "以后",
        "时",
    )


def _before_fillers(clause: list[_Unit], j: int) -> int:
    """The last unit at or before `j` that is no filler and no time (-1 when none is)."""
    while j >= 0 and (clause[j].text in _FILLERS or clause[j].time):
        j -= 1
    return j


def _ba(clause: list[_Unit], j: int) -> int:
    """The 把 that fronts the object ending at unit `j` (我把您的问题|转交), or -1: the
    object is a short noun phrase, so 把 stands at most six units back."""
    for k in range(j, max(-1, j - 7), -1):
        if clause[k].text == "把":
            return k
        if clause[k].text in _PUNCT:
            break
    return -1


def _subject(clause: list[_Unit], at: int) -> tuple[Voice, str | None]:
    """Who does it: the nearest subject word before the group (Chinese is topic first);
    none (the company's subjectless voice: 明天给您发货) is the first person."""
    j = at - 1
    while j >= 0:
        unit = clause[j]
        word = unit.text
        if unit.time or word in _FILLERS or word in _MODALS or unit.pos in ("ADV", "ADP", "PART", "CCONJ", "NUM"):
            if word in _CLAUSE_LINKS:
                return "first", None
            j -= 1
            continue
        if word in _CLAUSE_LINKS:
            return "first", None
        if word in _VAGUE_TIMES:
            j -= 1
            continue
        if word in _FIRST or (word.startswith("我") and len(word) <= 4):
            return "first", None
        if word in _YOU:
            return "second", None
        if word == "有人":
            return "impersonal", None
        if word in _THIRD_PRONOUNS:
            return "third", word
        if word in _NOUN_SUFFIXES and j > 0:
            return "third", clause[j - 1].text + word  # 快递 + 员
        if word in _THINGS or unit.pos in ("NOUN", "PROPN", "X", "PRON"):
            return "third", word
        if unit.pos == "VERB":
            return "first", None  # 核实一下明天给您回复: a verb before, no subject named
        j -= 1
    return "first", None


def _objects(clause: list[_Unit], verb_at: int, verb_end: int) -> tuple[str, ...]:
    """The next one to three content words after the verb, for «verb object» entries; a
    compound also gives its head, the last two characters (相关部门 → 部门: Chinese compounds
    end with their head), so the packs need not list every compound."""
    found: list[str] = []
    words = 0
    for unit in itertools.islice(clause, verb_at, None):  # the units before start before the verb
        if unit.start < verb_end or unit.time or unit.text in _OBJECT_SKIP or unit.pos in ("PUNCT", "NUM"):
            continue
        if unit.text in _YOU:
            continue
        found.append(unit.text)
        if len(unit.text) >= 3 and unit.text not in _ACTIONS:
            found.append(unit.text[-2:])
        words += 1
        if words == 3:
            break
    return tuple(found)
