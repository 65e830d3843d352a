/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Amounts in Korean as South Korean media write them (issue 15): 만, 억
 * and 조 under LANGUAGE=ko LANG=ko_KR.UTF-8, never "41.0백만 달러"; from
 * the built catalogue (HEISTLINE_LOCALEDIR). English stays as it was
 * (tests/test-describe.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hl-describe.h"
#include "hl-money-locale.h"
#include "hl-scale.h"

static void
test_long (void)
{
  const struct { double usd; const char *text; } cases[] = {
    { 41e6, "4100만 달러" },            /* Stake.com */
    { 719.1e6, "7억 1910만 달러" },     /* the bundled total */
    { 123e6, "1억 2300만 달러" },
    { 7.62e6, "762만 달러" },
    { 1.5e9, "15억 달러" },
    { 2.1e12, "2조 1000억 달러" },
    { 91608, "9만 1608 달러" },
    { 950, "950 달러" },
    { 10000, "1만 달러" },
  };

  g_assert_true (hl_money_uses_myriads ());
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hl_describe_usd (cases[i].usd);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_range_and_short (void)
{
  const struct { double usd; const char *text; } cases[] = {
    { 41e6, "$4100만" },
    { 719.1e6, "$7.2억" },
    { 1.5e9, "$15억" },
    { 500e6, "$5억" },
    { 950000, "$95만" },
    { 950, "$950" },
  };
  g_autofree char *range = hl_describe_usd_range (550000, 7.62e6);
  g_autofree char *same = hl_describe_usd_range (200e6, 200e6);

  g_assert_cmpstr (range, ==, "55만 달러 – 762만 달러");
  g_assert_cmpstr (same, ==, "2억 달러");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hl_money_format_short (cases[i].usd);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char *argv[])
{
  const char *dir = g_getenv ("HEISTLINE_LOCALEDIR");

  g_setenv ("LANGUAGE", "ko", TRUE);
  g_setenv ("LC_ALL", "ko_KR.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (setlocale (LC_ALL, "ko_KR.UTF-8") == NULL || dir == NULL)
    {
      g_printerr ("no ko_KR.UTF-8 locale (localedef -i ko_KR -f UTF-8 ko_KR.UTF-8) "
                  "or no HEISTLINE_LOCALEDIR\n");
      return 77;
    }
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/money-locale/korean-long", test_long);
  g_test_add_func ("/money-locale/korean-short-and-range", test_range_and_short);
  return g_test_run ();
}
