/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The position of the first of the @n ascending @values at or after
 * @value (@n if none): a binary search. */
static inline guint
hl_lower_bound_uint (const guint *values, guint n, guint value)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* hl_lower_bound_uint() searching forward from @from, which must not be
 * past the answer: O(log distance), so that searches that go left to
 * right in small steps stay within a few cache lines each. */
static inline guint
hl_gallop_uint (const guint *values, guint n, guint from, guint value)
{
  guint lo = from, hi = from + 1, step = 1;

  if (from >= n || values[from] >= value)
    return MIN (from, n);
  /* values[lo] < value; double the step until values[hi] >= value */
  while (hi < n && values[hi] < value)
    {
      lo = hi;
      step *= 2;
      hi = from + step;
    }
  hi = MIN (hi, n);
  return lo + 1 + hl_lower_bound_uint (values + lo + 1, hi - lo - 1, value);
}

G_END_DECLS
