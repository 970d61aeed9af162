# Words shared by every report.

see-explain = see `planlint explain { $id }`
