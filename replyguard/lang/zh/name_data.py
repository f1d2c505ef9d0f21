"""Chinese surnames and forms of address, as tables (facts, written out here in Simplified).

Sources: the single and compound surnames of the «百家姓» (Hundred Family Surnames, Song
dynasty, public domain), in its order, with the compound surnames of later editions and of
Xianbei, Jurchen and Manchu origin that are still borne (独孤, 完颜, 纳兰, 爱新觉罗 …), and the
common modern surnames the old text lacks (肖, 付, 覃, 闫, 代 …) from the Ministry of Public
Security's yearly surname ranking (《二〇二〇年全国姓名报告》, figures only). Romanised
surnames: Hanyu Pinyin of the commonest hundred, and the Cantonese, Wade–Giles and Hokkien
spellings seen in Hong Kong, Taiwan and Southeast Asia (Chan, Wong, Tsai …), only used to
tell which of two Latin words is the surname.

Left out on purpose: the Taiwanese double surnames that are two common single ones (张简,
张廖, 范姜): «张简明» is far likelier 张 + 简明.
"""

from __future__ import annotations

_BAIJIAXING_SINGLE = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章"
    "云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常"
    "乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞"
    "熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍"
    "虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁"
    "荀羊惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
    "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙"
    "池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农"
    "温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东"
    "欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红"
    "游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况郈有琴佘佴伯赏墨哈谯笪年爱阳佟言福仉督"
)
# Common today, absent from the old text (or there only in a Traditional form).
_MODERN_SINGLE = "肖付覃代兰粟练麦招冼谌邝苟邸续区仝揭泮植禤"

SINGLE_SURNAMES: frozenset[str] = frozenset(_BAIJIAXING_SINGLE + _MODERN_SINGLE)

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    {
        # 百家姓
        "万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫",
        "尉迟", "公羊", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠",
        "公孙", "仲孙", "轩辕", "令狐", "钟离", "宇文", "长孙", "慕容", "鲜于", "闾丘",
        "司徒", "司空", "亓官", "司寇", "子车", "颛孙", "端木", "巫马", "公西", "漆雕",
        "乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭",
        "南门", "呼延", "归海", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "商牟",
        "南宫", "第五",
        # later editions and surnames of northern origin still borne
        "独孤", "完颜", "纳兰", "耶律", "达奚", "贺兰", "斛律", "乞伏", "即墨", "东野",
        "北宫", "南郭", "公输", "公仪", "爱新觉罗", "叶赫那拉", "钮祜禄",
    }
)  # fmt: skip

# Hanyu Pinyin of the common surnames, and Cantonese / Wade–Giles / Hokkien spellings.
_LATIN_SURNAMES = """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng
    liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye
    cheng wei su lu ding ren shen yao jin zhong cui tan liao fan shi jia xia fu fang zou xiong
    bai meng qin qiu hou yin xue yan duan lei long tao mao hao gu gong shao wan qian dai kong
    xiang chang wen kang niu ni mo ou qiao lai lou tong geng guan bao yi qi ning an hong zhan
    ouyang sima zhuge shangguan dongfang situ murong huangfu linghu gongsun
    chan wong cheung lee ho lau leung ng chow tsang yeung lam kwok tse chu fung tam mak poon
    kwan hui tsui choi hung szeto law lo siu yip au chung kong cheng tsai kuo hsieh hsu chou
    chiu chang chao teo tan lim goh ong koh khoo yeo ang quek chua
"""
LATIN_SURNAMES: frozenset[str] = frozenset(_LATIN_SURNAMES.split())

# Titles after a surname, longest first where one ends another (总经理 before 总 and 经理).
TITLES: tuple[str, ...] = ("总经理", "先生", "女士", "小姐", "太太", "夫人", "老师", "经理", "主任", "老板", "总")
# What a stored title says about the person; 老师, 经理, 总 say nothing.
TITLE_GENDER: dict[str, str] = {"先生": "male", "女士": "female", "小姐": "female", "太太": "female", "夫人": "female"}
# The title a greeting uses for a known gender.
GENDER_TITLE: dict[str, str] = {"male": "先生", "female": "女士"}
# Latin titles in a CRM field, as the Chinese title they stand for.
LATIN_TITLES: dict[str, str] = {"mr": "先生", "mister": "先生", "ms": "女士", "mrs": "女士", "madam": "女士"}
LATIN_TITLES["miss"] = "小姐"
