/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Amounts as languages that count in myriads say them: South Korean
 * media write $41 million as "4100만 달러" and $719.1 million as
 * "7억 1910만 달러", never "41.0백만 달러". Which grouping a language
 * uses is the translator's word (a msgid with a context, as GTK asks
 * "calendar:week_start"), so LANGUAGE=ko gets it with the Korean text
 * and every other language keeps thousands, millions and billions. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-money-locale.h"

#define MYRIAD 10000.0

gboolean
hl_money_uses_myriads (void)
{
  /* TRANSLATORS: "myriads" if your language groups amounts by ten
   * thousand (Korean 만 and 억, Japanese 万 and 億), then translate the
   * "myriad unit" words too; anything else keeps thousands, millions and
   * billions. */
  return g_str_equal (C_("amount grouping", "thousands"), "myriads");
}

/* @n (whole dollars) as "7억 1910만", "4100만", "9만 1608", "950". */
static void
append_myriads (GString *str, guint64 n)
{
  const char *units[] = {
    /* TRANSLATORS: ten to the 12th, as amounts say it (Korean 조) */
    C_("myriad unit", "trillion"),
    /* TRANSLATORS: ten to the 8th (Korean 억) */
    C_("myriad unit", "hundred million"),
    /* TRANSLATORS: ten to the 4th (Korean 만) */
    C_("myriad unit", "ten thousand"),
  };
  guint64 scale = (guint64) 1e12;
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++, scale /= (guint64) MYRIAD)
    {
      guint64 part = n / scale;

      n %= scale;
      if (part == 0)
        continue;
      if (any)
        g_string_append_c (str, ' ');
      g_string_append_printf (str, "%" G_GUINT64_FORMAT "%s", part, units[i]);
      any = TRUE;
    }
  if (n > 0 || !any)
    g_string_append_printf (str, any ? " %" G_GUINT64_FORMAT : "%" G_GUINT64_FORMAT, n);
}

/* The largest unit, one decimal at most: "$4100만", "$7.2억", "$15억". */
static char *
format_short (double usd)
{
  static const double scales[] = { 1e12, 1e8, 1e4 };
  const char *units[] = {
    C_("myriad unit", "trillion"),
    C_("myriad unit", "hundred million"),
    C_("myriad unit", "ten thousand"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (usd >= scales[i] * 0.9995)
      {
        double v = usd / scales[i];

        if (v >= 100 || fabs (v - round (v)) < 0.05)
          /* TRANSLATORS: a short amount in myriads: "$4100만" */
          return g_strdup_printf (C_("amount in myriads", "$%.0f%s"), round (v), units[i]);
        return g_strdup_printf (C_("amount in myriads", "$%.1f%s"), v, units[i]);
      }
  return g_strdup_printf ("$%.0f", round (usd));
}

/* "4100만 달러", "7억 1910만 달러" (four significant figures from a
 * million up, as "$719.1 million" has), "9만 1608 달러" below. */
char *
hl_money_format_myriad (double usd, gboolean short_form)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  double rounded;

  if (!isfinite (usd) || usd < 0)
    usd = 0;
  if (usd > 0 && usd < 0.5)
    return g_strdup (short_form ? _("<$1") : _("less than $1"));
  if (short_form)
    return format_short (usd);
  rounded = round (usd);
  if (usd >= 1e6)
    {
      double unit = pow (10, floor (log10 (usd)) - 3);

      rounded = round (usd / unit) * unit;
    }
  append_myriads (digits, (guint64) rounded);
  /* TRANSLATORS: an amount in myriads: "4100만 달러" */
  return g_strdup_printf (C_("amount in myriads", "%s dollars"), digits->str);
}
