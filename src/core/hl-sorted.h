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

G_END_DECLS
