# 所有报告共用的措辞。

see-explain = 详见 `planlint explain { $id }`
