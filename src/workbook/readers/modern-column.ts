// The policy sheet's modern-tier column, on its own so that the templates (in the pane's first script) can name it
// without loading the policy reader and the table reader behind it.

/**
 * The modern tier (xã nông thôn mới hiện đại) in the policy sheet: a column "NTM hiện đại" beside Nhóm 1-3, one
 * requirement per indicator for a modern commune of any group, written as the groups' are (a number, "≥ 95", "Đạt").
 * A blank cell: no requirement of its own (meeting the group's is enough); "không áp dụng": none either. A commune is
 * modern when it meets the standard and every requirement of this column. Without the column, or with it empty, the
 * modern tier is not projected (no threshold is ever ours).
 */
export const MODERN_COLUMN = { header: "NTM hiện đại" } as const;
