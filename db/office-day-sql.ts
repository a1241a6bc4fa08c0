/**
 * An SQL condition on a table's `office_day`: written `YYYY-MM-DD` with a four-digit year, the
 * only form in which SQLite's text order is date order. The host no longer stores any other, but
 * a booking saved before it refused far-future times ("10000-01-01") would sort before today and
 * be closed, erased or purged as a past day; every "before/after this day" query leaves it alone.
 */
export const FOUR_DIGIT_OFFICE_DAY = "office_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";
