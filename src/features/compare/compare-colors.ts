/**
 * One colour per compared job, the same in the chart, its legend and the table's header. Picked
 * to stay apart from each other for the common colour-vision deficiencies (Okabe–Ito's order) and
 * to read on each theme's background; the job's name is always written beside its colour.
 */
export const JOB_COLORS = {
  light: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56748f'],
  dark: ['#56b4e9', '#e69f00', '#2fd6a1', '#e7a3c9', '#f0e442', '#a3b8cc'],
} as const;

export const jobColor = (index: number, dark: boolean) => {
  const set = dark ? JOB_COLORS.dark : JOB_COLORS.light;
  return set[index % set.length]!;
};
