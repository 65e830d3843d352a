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
#include <string.h>

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
        g_autofree char *number = hl_locale_format_decimal (v, v >= 100 ||
                                                            fabs (v - round (v)) < 0.05 ? 0 : 1);

        /* TRANSLATORS: a short amount in myriads: "$4100만", "$7.2억" */
        return g_strdup_printf (C_("amount in myriads", "$%s%s"), number, units[i]);
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

/* The decimal mark of the language the interface is shown in: "7.62
 * million" in English whatever LC_NUMERIC says, never "7,62 million". */
const char *
hl_locale_decimal_mark (void)
{
  /* TRANSLATORS: the decimal mark of your language as its amounts and
   * figures are written ("7.62 million" in English: "."; German would
   * say ","). It is used with your translation only. */
  return C_("number format", ".");
}

/* The mark between groups of three digits: "12,345" in English. */
const char *
hl_locale_group_mark (void)
{
  /* TRANSLATORS: the mark between groups of three digits ("12,345" in
   * English: ","; German would say "."; a space for none other than a
   * narrow no-break space U+202F is fine too). */
  return C_("number format", ",");
}

/* @value with @digits decimals and the catalogue's decimal mark: "7.62",
 * "0.0312"; digits are always ASCII and never grouped. */
char *
hl_locale_format_decimal (double value, guint digits)
{
  char format[16];
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *mark = hl_locale_decimal_mark ();
  const char *point;

  if (!isfinite (value))
    value = 0;
  g_snprintf (format, sizeof format, "%%.%uf", MIN (digits, 12u));
  g_ascii_formatd (buf, sizeof buf, format, value);
  point = strchr (buf, '.');
  if (point == NULL || g_str_equal (mark, "."))
    return g_strdup (buf);
  return g_strdup_printf ("%.*s%s%s", (int) (point - buf), buf, mark, point + 1);
}

static const char *
month_name (int month, gboolean abbreviated)
{
  const char *full[] = {
    /* TRANSLATORS: a month's name in dates ("4 September 2023") */
    C_("month", "January"), C_("month", "February"), C_("month", "March"),
    C_("month", "April"), C_("month", "May"), C_("month", "June"),
    C_("month", "July"), C_("month", "August"), C_("month", "September"),
    C_("month", "October"), C_("month", "November"), C_("month", "December"),
  };
  const char *abbr[] = {
    /* TRANSLATORS: a month's short name on the date axis ("4 Sep") */
    C_("short month", "Jan"), C_("short month", "Feb"), C_("short month", "Mar"),
    C_("short month", "Apr"), C_("short month", "May"), C_("short month", "Jun"),
    C_("short month", "Jul"), C_("short month", "Aug"), C_("short month", "Sep"),
    C_("short month", "Oct"), C_("short month", "Nov"), C_("short month", "Dec"),
  };

  g_assert (month >= 1 && month <= 12);
  return abbreviated ? abbr[month - 1] : full[month - 1];
}

/* @dt in @format (see g_date_time_format()), with the month names (%B,
 * %b) from the catalogue instead of LC_TIME, so that an English date
 * says "May" under LANG=de_DE and a Korean one "5월" under any LC_TIME.
 * The formats Heistline asks for hold digits and month names only. */
char *
hl_locale_format_date (GDateTime *dt, const char *format)
{
  g_autoptr(GString) own = NULL;

  g_return_val_if_fail (dt != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  own = g_string_sized_new (strlen (format) + 16);
  for (const char *p = format; *p; p++)
    {
      const char *conv = p + 1;

      if (*p != '%')
        {
          g_string_append_c (own, *p);
          continue;
        }
      while (*conv != '\0' && strchr ("-_0^#", *conv) != NULL)
        conv++;
      if (*conv == 'B' || *conv == 'b' || *conv == 'h')
        {
          const char *name = month_name (g_date_time_get_month (dt), *conv != 'B');

          for (const char *n = name; *n; n++)
            {
              if (*n == '%')
                g_string_append_c (own, '%');
              g_string_append_c (own, *n);
            }
          p = conv;
          continue;
        }
      if (*conv == '\0')
        break;
      g_string_append_len (own, p, conv + 1 - p);
      p = conv;
    }
  return g_date_time_format (dt, own->str);
}
