/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Searches of @n ascending @values for the position of the first at or
 * after @value (@n if none), defined alike for each type of value:
 *
 * hl_lower_bound_T (values, n, value): a binary search.
 *
 * hl_gallop_T (values, n, from, value): searching forward from @from,
 * which must not be past the answer: O(log distance), so that searches
 * that go left to right in small steps stay within a few cache lines.
 *
 * hl_lower_bound_near_T (values, n, from, guess, value): the answer is
 * at or after @from and likely near @guess: a gallop from the guess,
 * either way. O(log |answer - guess|), and a good guess stays in a cache
 * line or two. */
#define HL_DEFINE_SORTED_SEARCHES(T, type)                                          \
static inline guint                                                                 \
hl_lower_bound_##T (const type *values, guint n, type value)                        \
{                                                                                   \
  guint lo = 0, hi = n;                                                             \
                                                                                    \
  while (lo < hi)                                                                   \
    {                                                                               \
      guint mid = lo + (hi - lo) / 2;                                               \
                                                                                    \
      if (values[mid] < value)                                                      \
        lo = mid + 1;                                                               \
      else                                                                          \
        hi = mid;                                                                   \
    }                                                                               \
  return lo;                                                                        \
}                                                                                   \
                                                                                    \
static inline guint                                                                 \
hl_gallop_##T (const type *values, guint n, guint from, type value)                 \
{                                                                                   \
  guint lo = from, hi = from + 1, step = 1;                                         \
                                                                                    \
  if (from >= n || values[from] >= value)                                           \
    return MIN (from, n);                                                           \
  /* values[lo] < value; double the step until values[hi] >= value */               \
  while (hi < n && values[hi] < value)                                              \
    {                                                                               \
      lo = hi;                                                                      \
      step *= 2;                                                                    \
      hi = from + step;                                                             \
    }                                                                               \
  hi = MIN (hi, n);                                                                 \
  return lo + 1 + hl_lower_bound_##T (values + lo + 1, hi - lo - 1, value);         \
}                                                                                   \
                                                                                    \
static inline guint                                                                 \
hl_lower_bound_near_##T (const type *values, guint n, guint from, guint guess,      \
                         type value)                                                \
{                                                                                   \
  guint hi, step = 1;                                                               \
                                                                                    \
  from = MIN (from, n);                                                             \
  guess = CLAMP (guess, from, n);                                                   \
  if (guess < n && values[guess] < value)                                           \
    return hl_gallop_##T (values, n, guess, value);                                 \
  /* the answer is at or before the guess: values[hi] >= value (or hi = n) */       \
  hi = guess;                                                                       \
  while (hi > from)                                                                 \
    {                                                                               \
      guint lo = hi - MIN (step, hi - from);                                        \
                                                                                    \
      if (values[lo] < value)                                                       \
        return lo + 1 + hl_lower_bound_##T (values + lo + 1, hi - lo - 1, value);   \
      hi = lo;                                                                      \
      step *= 2;                                                                    \
    }                                                                               \
  return from;                                                                      \
}

HL_DEFINE_SORTED_SEARCHES (uint, guint)
HL_DEFINE_SORTED_SEARCHES (int64, gint64)

G_END_DECLS
