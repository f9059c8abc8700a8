// Filters on 'YYYY-MM-DD' date fields (reception days, activities, mediation cases): plain string ranges.
/** `{ $gte: from, $lte: to }` for a date field; both ends inclusive, either may be absent. */
export function dateRangeSelector(from?: string, to?: string): Record<string, string> {
  const range: Record<string, string> = {};
  if (from) range.$gte = from;
  if (to) range.$lte = to;
  // An open range still walks the date index in sort order.
  return Object.keys(range).length > 0 ? range : { $gte: '' };
}
