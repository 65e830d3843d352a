/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a valid heistline-dataset/1 file of any size, for benchmarks: the
 * three lanes of the bundled dataset, events spread evenly over forty years
 * in shuffled order (readers must not rely on file order), and fields as
 * long as real ones: titles of a few words, notes of 100-300 characters,
 * one to three sources with URLs. Deterministic for a given seed. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-bench-gen.h"
#include "hl-date.h"

typedef struct
{
  guint64 state;
} Rng;

/* xorshift64*: fast, and the same sequence on every machine. */
static guint64
rng_next (Rng *r)
{
  r->state ^= r->state >> 12;
  r->state ^= r->state << 25;
  r->state ^= r->state >> 27;
  return r->state * G_GUINT64_CONSTANT (2685821657736338717);
}

static guint
rng_below (Rng *r, guint n)
{
  return (guint) ((rng_next (r) >> 32) % n);
}

static double
rng_unit (Rng *r)
{
  return (double) (rng_next (r) >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);
}

#define PICK(r, array) (array[rng_below (r, G_N_ELEMENTS (array))])

static const char *words[] = {
  "attackers", "drained", "hot", "wallet", "private", "keys", "compromised", "laundered",
  "through", "mixers", "bridge", "validators", "investigators", "traced", "funds", "exchange",
  "said", "the", "of", "and", "a", "in", "to", "after", "before", "reported", "analysts",
  "estimate", "losses", "users", "frozen", "stablecoins", "converted", "bitcoin", "ether",
  "phishing", "job", "offer", "developer", "malware", "signing", "multisig", "threshold",
  "launched", "from", "near", "coast", "flew", "about", "km", "apogee", "landed", "outside",
  "exclusive", "economic", "zone", "state", "media", "claimed", "test", "new", "solid-fuel",
  "engine", "joint", "chiefs", "staff", "ministry", "defense", "tracked", "trajectory",
  "lofted", "according", "to", "officials", "unconfirmed", "figures", "differ", "sources",
};

static const char *publishers[] = {
  "Reuters", "AP", "Yonhap", "NHK World", "Kyodo", "KBS", "Jiji", "KCNA Watch", "NK News",
  "38 North", "CSIS Beyond Parallel", "CNS", "Chainalysis", "Elliptic", "TRM Labs",
  "SlowMist", "ZachXBT", "FBI", "US Treasury", "UN Panel of Experts", "BBC", "The Record",
  "CoinDesk", "The Block", "Decrypt", "Cointelegraph", "BleepingComputer", "Wired",
  "Bloomberg", "Financial Times", "Nikkei Asia", "The Diplomat", "Arms Control Association",
  "Japan MOD", "ROK JCS", "Halborn", "Mandiant", "Recorded Future", "Kaspersky", "ESET",
};

static const char *platforms[] = {
  "Nimbus", "Orbit", "Harmony", "Atomic", "Ronin", "Horizon", "Stake", "Coins", "Alpha",
  "Mixin", "Poloniex", "Heco", "Fantom", "Concentric", "Kucoin", "Upbit", "Bithumb", "Zaif",
  "Youbit", "Coinrail", "Bitpoint", "Lykke", "Cryptopia", "Bybit", "Deribit", "Liquid",
};

static const char *heist_kinds[] = { "exchange", "bridge", "wallet", "defi", "gaming" };
static const char *actors[] = { "Lazarus Group", "TraderTraitor", "APT38", "BlueNoroff",
                                "AppleJeus", "Andariel" };
static const char *confidences[] = { "official", "analyst", "analyst", "suspected",
                                     "disputed", "official" };
static const char *missile_kinds[] = { "ICBM", "IRBM", "MRBM", "SRBM", "SLBM", "ballistic",
                                       "cruise", "satellite", "hypersonic" };
static const char *missile_names[] = { "Hwasong-14", "Hwasong-15", "Hwasong-17", "Hwasong-18",
                                       "KN-23", "KN-24", "KN-25", "Pukguksong-3",
                                       "Chollima-1", "Hwasal-2", "Unha-3", "Nodong" };
static const char *milestone_kinds[] = { "engine test", "nuclear test", "submarine",
                                         "artillery", "drone", "parade" };

static void
append_words (GString *s, Rng *r, guint min_len, guint max_len)
{
  guint target = min_len + rng_below (r, max_len - min_len + 1);
  gsize start = s->len;

  while (s->len - start < target)
    {
      if (s->len > start)
        g_string_append_c (s, ' ');
      g_string_append (s, PICK (r, words));
      /* Now and then a figure and a non-ASCII dash, as in real notes. */
      if (rng_below (r, 12) == 0)
        g_string_append_printf (s, " %u–%u%%", rng_below (r, 50), 50 + rng_below (r, 50));
    }
  g_string_append_c (s, '.');
}

static void
append_date (GString *s, Rng *r, gint64 first, gint64 span_days)
{
  gint64 day = first + (gint64) rng_below (r, (guint) span_days) * HL_SECONDS_PER_DAY;
  int y, m, d;

  hl_date_to_ymd (day, &y, &m, &d);
  /* A third of them carry a time of day and an offset, like launches in KST. */
  if (rng_below (r, 3) == 0)
    g_string_append_printf (s, "%04d-%02d-%02dT%02u:%02u:00+09:00", y, m, d,
                            rng_below (r, 24), rng_below (r, 60));
  else
    g_string_append_printf (s, "%04d-%02d-%02d", y, m, d);
}

static void
append_sources (GString *s, Rng *r)
{
  guint n = 1 + rng_below (r, 3);

  g_string_append (s, ",\"sources\":[");
  for (guint i = 0; i < n; i++)
    {
      const char *pub = PICK (r, publishers);
      g_autofree char *slug = g_ascii_strdown (pub, -1);

      g_strdelimit (slug, " ", '-');
      g_string_append_printf (s, "%s{\"title\":\"%s (%s %u)\",\"url\":\"https://www.%s.example/"
                              "news/%u/%02u/%s-%s-%u\"}", i ? "," : "", pub, PICK (r, words),
                              rng_below (r, 1000), slug, 1984 + rng_below (r, 41),
                              1 + rng_below (r, 12), PICK (r, words), PICK (r, words),
                              rng_below (r, 1000000));
    }
  g_string_append_c (s, ']');
}

static void
append_event (GString *s, Rng *r, guint index, gint64 first, gint64 span_days)
{
  guint lane = rng_below (r, 10);

  g_string_append_printf (s, "{\"id\":\"ev-%07u\",\"lane\":\"%s\",\"date\":\"", index,
                          lane < 4 ? "heists" : lane < 9 ? "launches" : "milestones");
  append_date (s, r, first, span_days);
  g_string_append (s, "\",");
  if (lane < 4)
    {
      /* Log-uniform from $10k to $600M: many small thefts, a few huge. */
      double usd = floor (1e4 * pow (6e4, rng_unit (r)));

      g_string_append_printf (s, "\"title\":\"%s %s\",\"usd\":%.0f,", PICK (r, platforms),
                              PICK (r, heist_kinds), usd);
      if (rng_below (r, 3) == 0)
        g_string_append_printf (s, "\"usd_range\":[%.0f,%.0f],", floor (usd * 0.7),
                                floor (usd * 1.4));
      g_string_append_printf (s, "\"kind\":\"%s\",\"actor\":\"%s\",\"confidence\":\"%s\",",
                              PICK (r, heist_kinds), PICK (r, actors), PICK (r, confidences));
    }
  else if (lane < 9)
    {
      const char *kind = PICK (r, missile_kinds);

      g_string_append_printf (s, "\"title\":\"%s %s\",", PICK (r, missile_names), kind);
      if (rng_below (r, 5) != 0)
        g_string_append_printf (s, "\"count\":%u,", 1 + rng_below (r, 4));
      g_string_append_printf (s, "\"kind\":\"%s\",\"outcome\":\"%s\",\"confidence\":\"official\",",
                              kind, rng_below (r, 8) == 0 ? "Failure: exploded shortly after"
                                                            " launch, said ROK JCS"
                                                          : "Success, as reported");
    }
  else
    {
      const char *kind = PICK (r, milestone_kinds);

      g_string_append_printf (s, "\"title\":\"%s %s\",\"kind\":\"%s\",\"confidence\":\"%s\",",
                              PICK (r, missile_names), kind, kind, PICK (r, confidences));
    }
  g_string_append (s, "\"notes\":\"");
  append_words (s, r, 100, 300);
  g_string_append_c (s, '"');
  append_sources (s, r);
  g_string_append_c (s, '}');
}

/* Periods of a day to two years, starting anywhere in the forty years, so
 * that many overlap; labels of one to four words. */
static void
append_periods (GString *s, Rng *r, guint n_periods, gint64 first, gint64 span_days)
{
  g_string_append (s, "  \"periods\": [\n");
  for (guint i = 0; i < n_periods; i++)
    {
      gint64 from = first + (gint64) rng_below (r, (guint) span_days) * HL_SECONDS_PER_DAY;
      gint64 to = from + (1 + (gint64) rng_below (r, 730)) * HL_SECONDS_PER_DAY;
      g_autofree char *a = hl_date_format_iso (from);
      g_autofree char *b = hl_date_format_iso (to);

      g_string_append_printf (s, "    { \"from\": \"%.10s\", \"to\": \"%.10s\", \"label\": \"", a, b);
      append_words (s, r, 4, 28);
      g_string_append (s, i + 1 < n_periods ? "\" },\n" : "\" }\n");
    }
  g_string_append (s, "  ],\n");
}

/* Writes the dataset to @out; FALSE on a write error. */
gboolean
hl_bench_write_dataset (FILE *out, guint n_events, guint64 seed)
{
  return hl_bench_write_dataset_with_periods (out, n_events, 0, seed);
}

/* The same, with @n_periods generated periods in place of the usual two
 * (0: those two). */
gboolean
hl_bench_write_dataset_with_periods (FILE *out, guint n_events, guint n_periods, guint64 seed)
{
  g_autoptr(GString) s = g_string_sized_new (256 * 1024);
  gint64 first = hl_date_from_ymd (HL_BENCH_FIRST_YEAR, 1, 1) + HL_SECONDS_PER_DAY / 2;
  gint64 last = hl_date_from_ymd (HL_BENCH_LAST_YEAR, 12, 31) + HL_SECONDS_PER_DAY / 2;
  gint64 span_days = (last - first) / HL_SECONDS_PER_DAY + 1;
  Rng r = { seed * 2 + 1 };

  g_string_append_printf (s,
    "{\n"
    "  \"format\": \"heistline-dataset/1\",\n"
    "  \"title\": \"Generated benchmark dataset (%u events)\",\n"
    "  \"description\": \"Synthetic events for benchmarks. Nothing in it is real.\",\n"
    "  \"default_range\": { \"from\": \"%d-01-01\", \"to\": \"%d-12-31\" },\n"
    "  \"lanes\": [\n"
    "    { \"id\": \"heists\", \"title\": \"Crypto heists\", \"measure\": \"usd\","
    " \"color\": \"#D55E00\" },\n"
    "    { \"id\": \"launches\", \"title\": \"Missile and satellite launches\","
    " \"measure\": \"count\", \"color\": \"#0072B2\" },\n"
    "    { \"id\": \"milestones\", \"title\": \"Other weapons milestones\","
    " \"measure\": \"count\", \"color\": \"#009E73\" }\n"
    "  ],\n",
    n_events, HL_BENCH_FIRST_YEAR, HL_BENCH_LAST_YEAR);
  if (n_periods > 0)
    append_periods (s, &r, n_periods, first, span_days);
  else
    g_string_append (s,
      "  \"periods\": [\n"
      "    { \"from\": \"2017-07-01\", \"to\": \"2017-12-31\", \"label\": \"ICBM tests\" },\n"
      "    { \"from\": \"2023-07-01\", \"to\": \"2024-01-31\","
      " \"label\": \"UN reporting period\" }\n"
      "  ],\n");
  g_string_append (s,
    "  \"facts\": [\n"
    "    { \"text\": \"A generated fact.\", \"sources\": [ { \"title\": \"Example\","
    " \"url\": \"https://example.org/\" } ] }\n"
    "  ],\n"
    "  \"events\": [\n");

  for (guint i = 0; i < n_events; i++)
    {
      g_string_append (s, "    ");
      append_event (s, &r, i, first, span_days);
      g_string_append (s, i + 1 < n_events ? ",\n" : "\n");
      if (s->len > 200 * 1024)
        {
          if (fwrite (s->str, 1, s->len, out) != s->len)
            return FALSE;
          g_string_truncate (s, 0);
        }
    }
  g_string_append (s, "  ]\n}\n");
  return fwrite (s->str, 1, s->len, out) == s->len && fflush (out) == 0;
}

/* ------------------------------------------------------------------ */
/* The realistic profile (issue 10): what analysts' own lists look like */

#define REAL_FIRST_YEAR 2017
#define REAL_LAST_YEAR  2026

static const char *real_publishers[] = {
  "Rekt News", "Rekt News", "Rekt News", "Chainalysis", "Elliptic", "TRM Labs", "SlowMist",
  "PeckShield", "CertiK", "ZachXBT", "The Block", "CoinDesk", "Decrypt", "The Record",
  "Reuters", "Yonhap", "NK News", "CNS", "38 North", "Japan MOD", "ROK JCS",
};

static const char *real_kinds[][6] = {
  { "ICBM", "IRBM", "SRBM", "cruise", "satellite", "hypersonic" },
  { "nuclear test", "engine test", "submarine", "drone", "artillery", "parade" },
};

/* Pareto with tail index 0.55 from $15K, as public DeFi loss lists: the
 * median near $50K, one in a few hundred over $100M, capped at $1.5B. */
static double
real_amount (Rng *r)
{
  double u = MAX (rng_unit (r), 1e-12);

  return MIN (1.5e9, floor (15000 * pow (u, -1 / 0.55) / 1000) * 1000);
}

static void
real_sources (GString *s, Rng *r, guint n_events)
{
  guint n = rng_below (r, 4);

  g_string_append (s, ",\"sources\":[");
  for (guint i = 0; i < n; i++)
    {
      /* a long tail of small outlets, about one per ten events */
      if (rng_below (r, 4) == 0)
        g_string_append_printf (s, "%s{\"title\":\"Outlet %u\",\"url\":\"https://outlet-%u.example/"
                                "%u\"}", i ? "," : "", rng_below (r, MAX (n_events / 10, 1)),
                                i, rng_below (r, 1000000));
      else
        g_string_append_printf (s, "%s{\"title\":\"%s\",\"url\":\"https://news.example/%u\"}",
                                i ? "," : "", PICK (r, real_publishers), rng_below (r, 1000000));
    }
  g_string_append_c (s, ']');
}

static void
real_event (GString *s, Rng *r, guint index, gint64 day, guint n_events, double usd)
{
  guint lane = usd > 0 ? 0 : 1 + rng_below (r, 4) / 3;  /* counts: 3 of 4 launches */
  int y, m, d;

  hl_date_to_ymd (day, &y, &m, &d);
  g_string_append_printf (s, "{\"id\":\"r-%07u\",\"lane\":\"%s\",\"date\":\"%04d-%02d-%02d\",",
                          index, lane == 0 ? "incidents" : lane == 1 ? "launches" : "milestones",
                          y, m, d);
  if (lane == 0)
    g_string_append_printf (s, "\"title\":\"%s %s\",\"usd\":%.0f,\"confidence\":\"%s\"",
                            PICK (r, platforms), PICK (r, heist_kinds), usd, PICK (r, confidences));
  else
    {
      const char *kind = real_kinds[lane - 1][rng_below (r, 6)];

      g_string_append_printf (s, "\"title\":\"%s %s\",\"kind\":\"%s\",\"confidence\":\"official\"",
                              PICK (r, missile_names), kind, kind);
      /* mostly one, now and then a salvo, once in a while not disclosed */
      switch (rng_below (r, 10))
        {
        case 0:
          break;
        case 1:
        case 2:
          g_string_append_printf (s, ",\"count\":%u", 2 + rng_below (r, 7));
          break;
        default:
          g_string_append (s, ",\"count\":1");
        }
      if (rng_below (r, 6) == 0)
        g_string_append (s, ",\"outcome\":\"Failure: exploded shortly after launch\"");
    }
  real_sources (s, r, n_events);
  g_string_append_c (s, '}');
}

/**
 * hl_bench_write_dataset_realistic:
 *
 * Writes a dataset shaped like analysts' own lists over ten years
 * (2017-2026): a money lane of heavy-tailed amounts (median about $50K)
 * with a few outliers a thousand times the median, two count lanes of
 * six kinds each with failures and counts, bursts of several events on
 * one day (one day of up to 40 money events), and many publishers. Half
 * the events are money events. Deterministic for a given seed.
 */
gboolean
hl_bench_write_dataset_realistic (FILE *out, guint n_events, guint64 seed)
{
  g_autoptr(GString) s = g_string_sized_new (256 * 1024);
  gint64 first = hl_date_from_ymd (REAL_FIRST_YEAR, 1, 1) + HL_SECONDS_PER_DAY / 2;
  gint64 span_days = (hl_date_from_ymd (REAL_LAST_YEAR + 1, 1, 1) - first) / HL_SECONDS_PER_DAY;
  guint n_outliers = MAX (n_events / 300, 3), burst = 0, written = 0;
  gint64 day = first;
  Rng r = { seed * 2 + 1 };

  g_string_append_printf (s,
    "{\n"
    "  \"format\": \"heistline-dataset/1\",\n"
    "  \"title\": \"Generated incidents and tests (%u events)\",\n"
    "  \"description\": \"Synthetic events shaped like real lists. Nothing in it is real.\",\n"
    "  \"default_range\": { \"from\": \"%d-01-01\", \"to\": \"%d-12-31\" },\n"
    "  \"lanes\": [\n"
    "    { \"id\": \"incidents\", \"title\": \"DeFi incidents\", \"measure\": \"usd\" },\n"
    "    { \"id\": \"launches\", \"title\": \"Missile tests\", \"measure\": \"count\","
    " \"unit\": \"Missiles\" },\n"
    "    { \"id\": \"milestones\", \"title\": \"Weapons milestones\", \"measure\": \"count\","
    " \"kinds\": { \"nuclear test\": { \"shape\": \"circle\", \"label\": \"nuclear test\","
    " \"rank\": 3 }, \"engine test\": { \"shape\": \"diamond\", \"label\": \"engine test\" },"
    " \"submarine\": { \"shape\": \"triangle\", \"label\": \"submarine\" },"
    " \"drone\": { \"shape\": \"square\", \"label\": \"drone\" } } }\n"
    "  ],\n"
    "  \"events\": [\n",
    n_events, REAL_FIRST_YEAR, REAL_LAST_YEAR);
  for (guint i = 0; i < n_events; i++)
    {
      double usd = 0;

      /* the day of the next events: a burst (3 to 12, once up to 40) keeps it */
      if (burst == 0)
        {
          day = first + (gint64) rng_below (&r, (guint) span_days) * HL_SECONDS_PER_DAY;
          if (i == n_events / 3)
            burst = MIN (40, n_events / 10);
          else if (rng_below (&r, 40) == 0)
            burst = 3 + rng_below (&r, 10);
        }
      else
        burst--;
      if (rng_below (&r, 2) == 0 || burst > 0)
        usd = real_amount (&r);
      /* outliers, a thousand to three thousand times the median */
      if (i % MAX (n_events / n_outliers, 1) == 7)
        usd = 5e4 * (1000 + rng_below (&r, 2000));
      g_string_append (s, "    ");
      real_event (s, &r, i, day, n_events, usd);
      g_string_append (s, i + 1 < n_events ? ",\n" : "\n");
      written++;
      if (s->len > 200 * 1024)
        {
          if (fwrite (s->str, 1, s->len, out) != s->len)
            return FALSE;
          g_string_truncate (s, 0);
        }
    }
  g_string_append (s, "  ]\n}\n");
  return written == n_events && fwrite (s->str, 1, s->len, out) == s->len && fflush (out) == 0;
}
