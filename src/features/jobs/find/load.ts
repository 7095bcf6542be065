/**
 * The list's finding code (search, statuses, sort), loaded when first used. Also called when the
 * user reaches for one of those controls, so the chunk is there by the time they have typed.
 */
export const loadFoundJobs = () => import('./found-jobs');
