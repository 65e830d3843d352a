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

/* hl_lower_bound_uint() where the answer is known to be at or after
 * @from and is likely near @guess: a gallop from the guess, either way.
 * O(log |answer - guess|), and a good guess stays in a cache line or two. */
static inline guint
hl_lower_bound_near_uint (const guint *values, guint n, guint from, guint guess, guint value)
{
  guint hi, step = 1;

  from = MIN (from, n);
  guess = CLAMP (guess, from, n);
  if (guess < n && values[guess] < value)
    return hl_gallop_uint (values, n, guess, value);
  /* the answer is at or before the guess: values[hi] >= value (or hi = n) */
  hi = guess;
  while (hi > from)
    {
      guint lo = hi - MIN (step, hi - from);

      if (values[lo] < value)
        return lo + 1 + hl_lower_bound_uint (values + lo + 1, hi - lo - 1, value);
      hi = lo;
      step *= 2;
    }
  return from;
}

G_END_DECLS
