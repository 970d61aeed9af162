# What `planlint server` shows in the editor.

# A code action that inserts a suppression comment above the finding's line.
server-suppress = suppress { $rule } on this line (with a reason)
# The reason written into that comment, for the author to replace.
server-suppress-reason = reason
# The code action that applies every safe fix of the file; $n fixes.
server-fix-all = fix all safe problems in this file ({ $n } { $n ->
        [one] fix
       *[other] fixes
    })
# An unsafe fix offered as a code action: it changes the business the plan describes.
server-unsafe-fix = { $title } (unsafe: changes the plan's figures)
# Hover: the field's YAML path and what it means (a sentence of fields.ftl).
server-hover-field = `{ $field }`: { $description }
# Hover: figures derived from the field, with the thresholds in force.
server-hover-ltv = computed LTV { $ltv } (the floor in force: { $min })
server-hover-payback = computed CAC payback { $months } months (at most { $max })
server-hover-ltv-cac = LTV:CAC { $ratio } (at least { $min })
server-hover-roi = customer ROI { $roi }x (at least { $min }x)
server-hover-improvement = improvement { $improvement }x (at least { $min }x)
