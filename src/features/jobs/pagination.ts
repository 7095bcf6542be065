/** Where a page sits in the whole list, for "41–60 of 213" and the previous/next buttons. */
export function pageRange(page: number, pageSize: number, shown: number, total: number) {
  const from = shown === 0 ? 0 : page * pageSize + 1;
  const to = shown === 0 ? 0 : page * pageSize + shown;
  const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);
  return {
    from,
    to,
    lastPage,
    hasPrevious: page > 0,
    hasNext: page < lastPage,
    pastEnd: shown === 0 && page > lastPage,
  };
}
