"""Chinese: jieba segmentation (via rjieba) + jieba's part-of-speech flags."""

from replyguard.lang.zh.adapter import ChineseAdapter

ADAPTER = ChineseAdapter
