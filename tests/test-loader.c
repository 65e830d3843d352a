/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loader faces files made by other people, so it is tested like a
 * parser facing the internet: every malformed file gets an error that names
 * the file, the place and the problem (never a crash, a hang or a partial
 * dataset), the good files load as written, and `heistline --validate`
 * prints exactly what the loader says. */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hl-dataset.h"
#include "hl-date.h"
#include "hl-escape.h"
#include "hl-json-check.h"
#include "hl-view.h"

typedef struct
{
  const char    *file;
  HlDatasetError code;
  /* what the message must contain, after the file name it starts with */
  const char    *expect[4];
  /* what it must not contain (a consequence blamed on every event…) */
  const char    *absent;
} BadCase;

#define SYNTAX  HL_DATASET_ERROR_SYNTAX
#define INVALID HL_DATASET_ERROR_INVALID

static const BadCase bad_cases[] = {
  /* Not JSON at all, or not text */
  { "bad-not-json.json", SYNTAX,
    { ":1:1: not valid JSON", "expected a value", "found “hello”" } },
  { "bad-empty.json", INVALID, { ": the file is empty" } },
  { "bad-whitespace.json", INVALID, { ": the file is empty", "white space" } },
  { "bad-truncated.json", SYNTAX,
    { ":35:7: not valid JSON", "the file ends inside the object that starts at line 31, column 5",
      "cut short" } },
  { "bad-invalid-utf8.json", SYNTAX,
    { ":22:22: invalid UTF-8 (byte 0xC3)", "save the file as UTF-8" } },
  { "bad-utf16.json", SYNTAX, { ": the file is UTF-16 encoded; save it as UTF-8" } },
  { "bad-utf16-no-bom.json", SYNTAX, { ": the file is UTF-16 encoded" } },
  { "bad-nul-byte.json", SYNTAX, { ":35:19: contains a NUL byte", "not a text file" } },
  /* "[", NUL, "]": three bytes, not UTF-16 */
  { "bad-nul-three-bytes.json", SYNTAX, { ":1:2: contains a NUL byte", "not a text file" },
    "UTF-16" },
  /* valid JSON that the format refuses by its own rule, said so */
  { "bad-nul-escape.json", INVALID,
    { ":35:19: valid JSON, but Heistline does not accept it: the escape \\u0000 (a NUL character) is not allowed" }, "not valid JSON" },
  { "bad-control-char.json", SYNTAX, { ":35:19: not valid JSON", "control character U+0009" } },
  { "bad-lone-surrogate.json", INVALID,
    { ":35:19: valid JSON, but Heistline does not accept it: the escape \\uD800", "surrogate pair without its second half" },
    "not valid JSON" },
  { "bad-bad-escape.json", SYNTAX, { ":35:19: not valid JSON", "invalid escape “\\q”" } },
  { "bad-unterminated-string.json", SYNTAX,
    { ":35:22: not valid JSON", "line break inside a text", "closing quote may be missing" } },
  /* JSON syntax people get wrong */
  { "bad-trailing-comma.json", SYNTAX, { ":36:17: not valid JSON", "remove the trailing comma" } },
  { "bad-missing-comma.json", SYNTAX,
    { ":34:7: not valid JSON", "expected “,” or “}” after the value of “lane”",
      "found “\"date\"”" } },
  { "bad-single-quotes.json", SYNTAX,
    { ":35:7: not valid JSON", "double quotes", "single quotes" } },
  { "bad-comment.json", SYNTAX, { ":4:3: not valid JSON", "comments are not allowed" } },
  { "bad-two-values.json", SYNTAX,
    { ":40:1: not valid JSON", "unexpected “{” after the end of the data" } },
  { "bad-nan.json", SYNTAX, { ":23:14: not valid JSON", "expected a value", "found “NaN”" } },
  { "bad-leading-zero.json", SYNTAX,
    { ":36:16: not valid JSON", "invalid number “01”", "must not start with 0" } },
  { "bad-big-integer.json", INVALID,
    { ":23:14: valid JSON, but Heistline does not accept it: the number “18446744073709551616” is too large to read exactly" },
    "not valid JSON" },
  { "bad-duplicate-key.json", INVALID,
    { ":24:7: valid JSON, but Heistline does not accept it: the member “usd” appears twice in the same object",
      "first at line 23, column 7" }, "not valid JSON" },
  /* past an object's 64th member too, where the names are sorted to compare */
  { "bad-duplicate-after-64.json", INVALID,
    { ":88:7: valid JSON, but Heistline does not accept it: the member “usd” appears twice in the same object",
      "first at line 87, column 7" } },
  /* an invisible character is named, not quoted as “” */
  { "bad-bom-twice.json", SYNTAX,
    { ":1:1: not valid JSON", "found a byte-order mark (U+FEFF)" }, "found “" },
  { "bad-nesting.json", SYNTAX, { ":1:103: not valid JSON", "nested deeper than 64 levels" } },
  /* The top level */
  { "bad-top-array.json", INVALID,
    { ": expected a JSON object at the top level, got an array" } },
  { "bad-format-missing.json", INVALID,
    { ": missing required field “format” (expected “heistline-dataset/1”)" } },
  { "bad-format-wrong.json", INVALID,
    { ": field “format”: “heistline-dataset/2” is not supported" } },
  { "bad-format-long.json", INVALID,
    { ": field “format”: “heistline-dataset/xééééé", "é…” is not supported" } },
  { "bad-format-number.json", INVALID,
    { ": field “format”: expected the string “heistline-dataset/1”, got a number" } },
  { "bad-events-missing.json", INVALID, { ": missing required field “events”" } },
  { "bad-events-not-array.json", INVALID,
    { ": field “events”: expected an array, got an object" } },
  /* Lanes */
  { "bad-lanes-missing.json", INVALID, { ": missing required field “lanes”" },
    "no lane has the id" },
  { "bad-lanes-empty.json", INVALID, { ": field “lanes”: needs at least one lane" },
    "no lane has the id" },
  { "bad-lanes-not-array.json", INVALID, { ": field “lanes”: expected an array, got an object" },
    "no lane has the id" },
  { "bad-lanes-too-many.json", INVALID, { ": field “lanes”: 33 lanes, at most 32" } },
  { "bad-lane-duplicate.json", INVALID,
    { ": lanes[2] (id “heists”): duplicate lane id “heists”" } },
  { "bad-lane-measure.json", INVALID,
    { ": lanes[0] (id “heists”): field “measure”: “eur” is not one of “usd”, “count”" } },
  { "bad-lane-color.json", INVALID,
    { ": lanes[0] (id “heists”): field “color”: “red” is not a colour of the form #rrggbb" } },
  { "bad-lane-no-id.json", INVALID, { ": lanes[1]: missing required field “id”" } },
  /* A lane's own kinds map */
  { "bad-lane-kinds-not-object.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: expected an object, got an array" } },
  { "bad-lane-kinds-entry-string.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “ICBM”: expected an object with “shape”, "
      "got a string" } },
  { "bad-lane-kinds-shape-unknown.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “ICBM”: field “shape”: “star” is not one of "
      "“triangle”, “diamond”, “circle”, “square”" } },
  { "bad-lane-kinds-shape-missing.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “ICBM”: missing required field “shape”" } },
  { "bad-lane-kinds-label-number.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “ICBM”: field “label”: expected a string, "
      "got a number" } },
  { "bad-lane-kinds-label-long.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “ICBM”: field “label”: too long (65 bytes, "
      "at most 64)" } },
  { "bad-lane-kinds-rank-range.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “ICBM”: field “rank”: 4 is out of range "
      "(0 to 3)" } },
  { "bad-lane-kinds-rank-fraction.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “ICBM”: field “rank”: must be a whole number "
      "(got 1.5)" } },
  { "bad-lane-kinds-rank-string.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “ICBM”: field “rank”: expected a whole "
      "number, got a string" } },
  { "bad-lane-kinds-too-many.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: 65 kinds, at most 64 are supported" } },
  { "bad-lane-kinds-duplicate.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: “icbm” names the same kind as “ICBM” "
      "(kind names are compared ignoring case)" }, "cruise" },
  { "bad-lane-kinds-empty-name.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: a kind name must not be empty" } },
  { "bad-lane-kinds-name-long.json", INVALID,
    { ": lanes[1] (id “launches”): field “kinds”: a kind name is too long (1025 bytes, "
      "at most 1024)" } },
  /* Events: identity and lane */
  { "bad-event-not-object.json", INVALID, { ": events[2]: expected an object, got a string" } },
  { "bad-event-no-id.json", INVALID, { ": events[1]: missing required field “id”" } },
  { "bad-event-duplicate-id.json", INVALID,
    { ": events[1] (id “stake”): duplicate id “stake” (first used by events[0])" } },
  { "bad-event-unknown-lane.json", INVALID,
    { ": events[0] (id “stake”): field “lane”: no lane has the id “thefts”",
      "the lanes are “heists”, “launches”" } },
  { "bad-id-null.json", INVALID, { ": events[0]: field “id”: expected a string, got null" } },
  /* ESC, OSC, BEL, a line break, CSI and RLO, quoted in a visible notation */
  { "bad-id-terminal.json", INVALID,
    { ": events[0] (id “x\\x1b[2J\\x1b]0;pwned\\x07\\x0aother.json: valid, 9 events\\u202e”): ",
      "no lane has the id “heists\\u009b31m”" } },
  { "bad-id-too-long.json", INVALID,
    { ": events[0]: field “id”: too long (300 bytes, at most 256)" } },
  /* Dates */
  { "bad-date-feb30.json", INVALID,
    { ": events[0] (id “stake”): field “date”: “2023-02-30” is not a valid date",
      "no such day in that month" } },
  { "bad-date-feb29.json", INVALID,
    { ": events[0] (id “stake”): field “date”: “2023-02-29” is not a valid date",
      "no such day" } },
  { "bad-date-us-form.json", INVALID,
    { ": events[0] (id “stake”): field “date”: “07/22/2023” is not a valid date",
      "not a date in the form YYYY-MM-DD" } },
  { "bad-date-offset-year.json", INVALID,
    { ": events[0] (id “stake”): field “date”: “9999-12-31T23:30:00-01:00” is not a valid date",
      "with its time zone offset applied it falls outside the years 0001 to 9999" } },
  { "bad-end-before-date.json", INVALID,
    { ": events[0] (id “campaign”): field “end”: “2023-09-03” is before the date “2023-09-04”" } },
  /* A span lane: events without an amount */
  { "bad-span-usd.json", INVALID,
    { ": events[0] (id “embargo”): field “usd”: lane “measures” measures spans, whose events "
      "have no amount (remove “usd”)" } },
  { "bad-span-count.json", INVALID,
    { ": events[0] (id “drill”): field “count”: lane “measures” measures spans, whose events "
      "have no amount (remove “count”)" } },
  { "bad-span-no-date.json", INVALID,
    { ": events[0] (id “drill”): missing required field “date”" } },
  { "bad-span-end-before.json", INVALID,
    { ": events[0] (id “drill”): field “end”: “2023-08-20” is before the date “2023-08-21”" } },
  { "bad-end-invalid.json", INVALID,
    { ": events[0] (id “campaign”): field “end”: “2023-09-31” is not a valid date" } },
  { "bad-date-year-99999.json", INVALID,
    { ": events[0] (id “stake”): field “date”: “99999-01-01” is not a valid date",
      "year out of range" } },
  { "bad-date-no-offset.json", INVALID,
    { ": events[1] (id “icbm”): field “date”: “2023-07-12T10:30:00” is not a valid date",
      "needs a time zone offset" } },
  { "bad-date-month-13.json", INVALID,
    { ": events[0] (id “stake”): field “date”: “2023-13-01”", "month out of range" } },
  { "bad-date-hour-25.json", INVALID,
    { ": events[1] (id “icbm”): field “date”: “2023-07-12T25:00Z”", "time of day out of range" } },
  { "bad-date-missing.json", INVALID,
    { ": events[0] (id “stake”): missing required field “date”" } },
  /* How much of a date is known: the line the event starts on, then the field */
  { "bad-date-precision-word.json", INVALID,
    { "bad-date-precision-word.json:25: events[1] (id “icbm”): field “date_precision”: "
      "“week” is not one of “day”, “month”, “year”" } },
  { "bad-date-precision-number.json", INVALID,
    { ":25: events[1] (id “icbm”): field “date_precision”: expected a string, got a number" } },
  { "bad-date-precision-day.json", INVALID,
    { ":25: events[1] (id “icbm”): field “date_precision”: “month” needs the first day of the "
      "month as “date”, e.g. “2023-07-01” (got “2023-07-12”)" } },
  { "bad-date-precision-time.json", INVALID,
    { ":25: events[1] (id “icbm”): field “date_precision”: “month” needs the first day of the "
      "month as “date”, e.g. “2023-07-01” (got “2023-07-01T10:00:00+09:00”)" } },
  { "bad-date-precision-year.json", INVALID,
    { ":25: events[1] (id “icbm”): field “date_precision”: “year” needs the first of January "
      "as “date”, e.g. “2023-01-01” (got “2023-07-01”)" } },
  /* Amounts */
  { "bad-usd-negative.json", INVALID,
    { ": events[0] (id “stake”): field “usd”: must not be negative (got -5)" } },
  { "bad-usd-string.json", INVALID,
    { ": events[0] (id “stake”): field “usd”: expected a number of US dollars, got a string" } },
  { "bad-usd-1e400.json", INVALID,
    { ": events[0] (id “stake”): field “usd”: the number is too large to represent" } },
  { "bad-usd-huge.json", INVALID,
    { ": events[0] (id “stake”): field “usd”: 2000000000000000 is implausibly large" } },
  { "bad-usd-missing.json", INVALID,
    { ":18: events[0] (id “stake”): missing field “usd” (lane “heists” measures US dollars",
      "write “usd”: null if no amount is known" } },
  { "bad-usd-null-range.json", INVALID,
    { ":18: events[0] (id “stake”): field “usd_range”: a range needs a best estimate in “usd” "
      "(it is null)" } },
  { "bad-usd-range-shape.json", INVALID,
    { ": events[0] (id “stake”): field “usd_range”: expected an array of two numbers",
      "got 3 elements" } },
  { "bad-usd-range-reversed.json", INVALID,
    { ": events[0] (id “stake”): field “usd_range”: the low end (50000000) is above the high "
      "end (30000000)" } },
  { "bad-usd-range-string.json", INVALID,
    { ": events[0] (id “stake”): field “usd_range”: expected an array [low, high], got a "
      "string" } },
  { "bad-usd-range-element.json", INVALID,
    { ": events[0] (id “stake”): field “usd_range”: expected a number of US dollars, got a "
      "string" } },
  /* Counts */
  { "bad-count-zero.json", INVALID,
    { ": events[1] (id “icbm”): field “count”: must be at least 1 (got 0)" } },
  { "bad-count-fraction.json", INVALID,
    { ": events[1] (id “icbm”): field “count”: must be a whole number (got 2.5)" } },
  { "bad-count-huge.json", INVALID,
    { ": events[1] (id “icbm”): field “count”: 1000000000000 is implausibly large "
      "(at most 1000000)" } },
  { "bad-count-string.json", INVALID,
    { ": events[1] (id “icbm”): field “count”: expected a whole number, got a string" } },
  /* Sources and confidence */
  { "bad-sources-not-array.json", INVALID,
    { ": events[0] (id “stake”): field “sources”: expected an array, got an object" } },
  { "bad-source-no-url.json", INVALID,
    { ": events[0] (id “stake”): sources[0]: missing required field “url”" } },
  { "bad-source-string.json", INVALID,
    { ": events[0] (id “stake”): sources[0]: expected an object, got a string" } },
  { "bad-source-url-empty.json", INVALID,
    { ": events[0] (id “stake”): sources[0]: field “url”: must not be empty" } },
  { "bad-sources-too-many.json", INVALID,
    { ": events[0] (id “stake”): field “sources”: 101 sources, at most 100 are supported" } },
  { "bad-confidence.json", INVALID,
    { ": events[0] (id “stake”): field “confidence”: “certain” is not one of “official”, "
      "“analyst”, “suspected”, “disputed”" } },
  /* Fields of the wrong type */
  { "bad-title-number.json", INVALID,
    { ": events[1] (id “icbm”): field “title”: expected a string, got a number" } },
  { "bad-title-empty.json", INVALID,
    { ": events[1] (id “icbm”): field “title”: must not be empty" } },
  { "bad-notes-array.json", INVALID,
    { ": events[0] (id “stake”): field “notes”: expected a string, got an array" } },
  { "bad-kind-object.json", INVALID,
    { ": events[1] (id “icbm”): field “kind”: expected a string, got an object" } },
  { "bad-lane-field-number.json", INVALID,
    { ": events[1] (id “icbm”): field “lane”: expected a string, got a number" } },
  { "bad-actor-bool.json", INVALID,
    { ": events[0] (id “stake”): field “actor”: expected a string, got true/false" } },
  { "bad-outcome-number.json", INVALID,
    { ": events[1] (id “icbm”): field “outcome”: expected a string, got a number" } },
  /* Ranges, periods, facts */
  { "bad-default-range-reversed.json", INVALID,
    { ": default_range: “to” (2023-07-01) must come after “from” (2024-01-31)" } },
  { "bad-default-range-not-object.json", INVALID,
    { ": default_range: expected an object with “from” and “to”, got a string" } },
  { "bad-default-range-no-to.json", INVALID, { ": default_range: missing required field “to”" } },
  { "bad-period-date.json", INVALID,
    { ": periods[0]: field “from”: “2023-13-01” is not a valid date: month out of range" } },
  { "bad-period-no-to.json", INVALID, { ": periods[0]: missing required field “to”" } },
  { "bad-period-reversed.json", INVALID,
    { ": periods[0]: “to” (2023-06-01) must come after “from” (2023-07-01)" } },
  { "bad-fact-no-text.json", INVALID, { ": facts[0]: missing required field “text”" } },
  { "bad-fact-text-number.json", INVALID,
    { ": facts[0]: field “text”: expected a string, got a number" } },
  /* Many problems: all of them, each on its line (the cap is tested below) */
  { "bad-several.json", INVALID,
    { ": events[0] (id “stake”): field “date”: “2023-02-30” is not a valid date",
      "\n", ": events[0] (id “stake”): field “usd”: expected a number of US dollars",
      ": events[0] (id “stake”): field “confidence”: “maybe” is not one of" } },
  { "bad-many-problems.json", INVALID,
    { ": events[0] (id “e0”): field “usd”: must not be negative (got -1)",
      ": events[49] (id “e49”): field “usd”: must not be negative",
      ": … and 10 more problems" }, "events[50]" },
};

/* Whether @message contains @piece; GLib writes sizes with a no-break
 * space ("1.0 kB"), which reads as a space. */
static gboolean
contains (const char *message, const char *piece)
{
  g_autoptr(GString) plain = g_string_new (message);

  g_string_replace (plain, "\u00a0", " ", 0);
  return strstr (plain->str, piece) != NULL;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
bundled_path (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "heistline.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_get_path (file); /* canonical, as the loader names it */
}

/* The message names the file first, then every expected piece. */
static void
assert_message (const char *message, const char *path, const BadCase *c)
{
  if (!g_utf8_validate (message, -1, NULL))
    g_error ("%s: the message is not valid UTF-8", c->file);
  if (!g_str_has_prefix (message, path))
    g_error ("message does not start with the file name %s:\n%s", path, message);
  for (guint i = 0; i < G_N_ELEMENTS (c->expect) && c->expect[i] != NULL; i++)
    if (!contains (message, c->expect[i]))
      g_error ("%s: message lacks “%s”:\n%s", c->file, c->expect[i], message);
  if (c->absent != NULL && contains (message, c->absent))
    g_error ("%s: message should not contain “%s”:\n%s", c->file, c->absent, message);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *path = data_path (c->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_file (file, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, HL_DATASET_ERROR, (int) c->code);
  assert_message (error->message, path, c);
}

/* The same bytes through hl_dataset_new_from_bytes() give the same error,
 * named after the display name. */
static void
test_bad_bytes (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *path = data_path (c->file);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  dataset = hl_dataset_new_from_bytes (bytes, c->file, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, HL_DATASET_ERROR, (int) c->code);
  assert_message (error->message, c->file, c);
}

/* Runs the real binary, as a user would, with no display. */
static gboolean
run_cli (const char * const *args,
         const char         *extra_env,
         int                *exit_status,
         char              **out,
         char              **err)
{
  const char *bin = g_getenv ("HEISTLINE_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  if (bin == NULL)
    {
      g_test_skip ("HEISTLINE_BIN is not set");
      return FALSE;
    }
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "HEISTLINE_MAX_FILE_SIZE");
  if (extra_env != NULL)
    {
      g_auto(GStrv) kv = g_strsplit (extra_env, "=", 2);

      env = g_environ_setenv (env, kv[0], kv[1], TRUE);
    }

  if (!g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                     out, err, &wait_status, &error))
    g_error ("cannot run %s: %s", bin, error->message);
  /* A crash is never an acceptable answer to a bad file. */
  if (!WIFEXITED (wait_status))
    g_error ("%s was killed by signal %d; stderr:\n%s", bin, WTERMSIG (wait_status), *err);
  *exit_status = WEXITSTATUS (wait_status);
  return TRUE;
}

static void
test_bad_cli (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *path = data_path (c->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_file (file, NULL, &error);
  const char *args[] = { "--validate", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  int status;

  g_assert_nonnull (error);
  if (!run_cli (args, NULL, &status, &out, &err))
    return;
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  expected = g_strconcat (error->message, "\n", NULL);
  g_assert_cmpstr (err, ==, expected);
  assert_message (err, path, c);
}

/* Every malformed fixture is in the table, so none goes untested. */
static void
test_all_fixtures_listed (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_prefix (name, "bad-"))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (bad_cases) && !listed; i++)
        listed = g_str_equal (bad_cases[i].file, name);
      if (!listed)
        g_error ("tests/data/%s is not in the table of bad cases", name);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_cases));
  g_assert_cmpuint (n, >=, 45);
}

/* The cap: 50 problems listed, then one line counting the rest. */
static void
test_problem_cap (void)
{
  g_autofree char *path = data_path ("bad-many-problems.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_file (file, NULL, &error);
  g_auto(GStrv) lines = NULL;
  g_autofree char *last = NULL;

  g_assert_null (dataset);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, HL_DATASET_MAX_PROBLEMS + 1);
  for (guint i = 0; i < HL_DATASET_MAX_PROBLEMS; i++)
    {
      /* each event is 7 lines long, the first begins on line 18 */
      g_autofree char *want = g_strdup_printf ("%s:%u: events[%u] (id “e%u”): field “usd”: "
                                               "must not be negative (got -1)", path, 18 + 7 * i,
                                               i, i);
      g_assert_cmpstr (lines[i], ==, want);
    }
  last = g_strdup_printf ("%s: … and 10 more problems", path);
  g_assert_cmpstr (lines[HL_DATASET_MAX_PROBLEMS], ==, last);
}

/* 200,000 broken events, three problems each: the message stays short
 * (the first 50 problems), and the count of the others is exact. */
static void
test_problem_flood (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"heistline-dataset/1\", \"lanes\": [{"
                                          "\"id\": \"h\", \"measure\": \"usd\"}], \"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\"}", i ? "," : "", i);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  dataset = hl_dataset_new_from_bytes (bytes, "flood.json", NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "flood.json:1: events[0] (id “e0”): missing required field"));
  g_assert_true (g_str_has_suffix (error->message, "\nflood.json: … and 599950 more problems"));
  g_assert_cmpuint (strlen (error->message), <, 16 * 1024);
}

/* Every collection has a limit, checked before its elements are read:
 * 100,000 periods, facts or sources of one event, generated here, are each
 * refused with the place and the limit; as many as the limit are read. */
typedef struct
{
  const char *name;
  const char *head;      /* up to the elements */
  const char *element;   /* one element */
  const char *tail;
  guint       limit;
  const char *problem;   /* after the file name */
} LimitCase;

#define LIMIT_LANES "{\"format\": \"heistline-dataset/1\", \"lanes\": [{\"id\": \"h\", " \
                    "\"measure\": \"usd\"}], "
#define LIMIT_EVENT "{\"id\": \"e\", \"lane\": \"h\", \"date\": \"2023-01-01\", " \
                    "\"title\": \"E\", \"usd\": 1"

static const LimitCase limit_cases[] = {
  { "periods", LIMIT_LANES "\"events\": [], \"periods\": [",
    "{\"from\": \"2023-01-01\", \"to\": \"2023-01-02\", \"label\": \"p\"}", "]}",
    HL_DATASET_MAX_PERIODS, ": field “periods”: 100000 periods, at most 10000 are supported" },
  { "facts", LIMIT_LANES "\"events\": [], \"facts\": [", "{\"text\": \"f\"}", "]}",
    HL_DATASET_MAX_FACTS, ": field “facts”: 100000 facts, at most 1000 are supported" },
  { "event sources", LIMIT_LANES "\"events\": [" LIMIT_EVENT ", \"sources\": [",
    "{\"url\": \"https://example.org/\"}", "]}]}", HL_DATASET_MAX_SOURCES,
    ":1: events[0] (id “e”): field “sources”: 100000 sources, at most 100 are supported" },
  { "fact sources", LIMIT_LANES "\"events\": [], \"facts\": [{\"text\": \"t\", \"sources\": [",
    "{\"url\": \"https://example.org/\"}", "]}]}", HL_DATASET_MAX_SOURCES,
    ": facts[0]: field “sources”: 100000 sources, at most 100 are supported" },
};

static GBytes *
limit_file (const LimitCase *c, guint n)
{
  GString *json = g_string_new (c->head);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append (json, c->element);
    }
  g_string_append (json, c->tail);
  return g_string_free_to_bytes (json);
}

static void
test_collection_limits (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (limit_cases); i++)
    {
      const LimitCase *c = &limit_cases[i];
      g_autoptr(GBytes) over = limit_file (c, 100000);
      g_autoptr(GBytes) at = limit_file (c, c->limit);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDataset) refused = hl_dataset_new_from_bytes (over, "limit.json", NULL, &error);
      g_autoptr(HlDataset) read = NULL;
      g_autofree char *want = g_strconcat ("limit.json", c->problem, NULL);

      g_test_message ("%s", c->name);
      g_assert_null (refused);
      g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, want);
      g_clear_error (&error);
      read = hl_dataset_new_from_bytes (at, "limit.json", NULL, &error);
      g_assert_no_error (error);
    }
}

/* ---- The syntax check on its own: strict, but never refusing valid JSON ---- */

static const char *valid_json[] = {
  "{}", "[]", " \r\n\t{ } ", "0", "-0", "1.5e-3", "1E+2", "-12.75E2", "\"\"", "true", "null",
  "9223372036854775807", "-9223372036854775808", "123456789012345678901234567890.0",
  "{\"a\": [1, 2, {\"b\": null}], \"c\": \"d\"}",
  "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"]",
  "[\"é 💥 日本\"]",
  /* the same name in different objects, and names that only look alike */
  "{\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 2}], \"A\": 1, \"a \": 2}",
};

typedef struct
{
  const char *json;
  guint       line, column;
  const char *problem;
} SyntaxCase;

static const SyntaxCase invalid_json[] = {
  { "", 1, 1, "no JSON value" },
  { "{\"a\": 1, \"\\u0061\": 2}", 1, 10, "the member “a” appears twice" },
  { "[1,\n 2,\n 3", 3, 3, "ends inside the array that starts at line 1, column 1" },
  { "{\"a\" 1}", 1, 6, "expected “:” after the member name “a”, found “1”" },
  { "{\"a\": 1 \"b\": 2}", 1, 9, "expected “,” or “}” after the value of “a”" },
  { "[1 2]", 1, 4, "expected “,” or “]” after an element of the array, found “2”" },
  { "[1,]", 1, 3, "remove the trailing comma" },
  { "{,}", 1, 2, "expected a member name in double quotes, found “,”" },
  { "{a: 1}", 1, 2, "expected a member name in double quotes, found “a”" },
  { "[.5]", 1, 2, "write a 0 before the decimal point" },
  { "[1.]", 1, 2, "digits must follow the decimal point" },
  { "[1e]", 1, 2, "digits must follow the exponent" },
  { "[+1]", 1, 2, "expected a value" },
  { "[9223372036854775808]", 1, 2, "too large to read exactly" },
  { "[-9223372036854775809]", 1, 2, "too large to read exactly" },
  { "[Infinity]", 1, 2, "found “Infinity”" },
  { "[\"\\uDE00\"]", 1, 3, "second half of a surrogate pair" },
  { "[\"\\u12\"]", 1, 3, "four hexadecimal digits" },
  { "[\"\\x41\"]", 1, 3, "invalid escape “\\x”" },
  { "[\"a\001\"]", 1, 4, "control character U+0001" },
  { "\r\n\r\n  }", 3, 3, "expected a value" },
  { "/* c */ {}", 1, 1, "comments are not allowed" },
  { "{} /* c */", 1, 4, "after the end of the data" },
  { "[\"é\", \"日本\" x]", 1, 12, "found “x”" },
};

static void
test_syntax_valid (void)
{
  const HlJsonLimits limits = { 64, 1024 };

  for (guint i = 0; i < G_N_ELEMENTS (valid_json); i++)
    {
      g_autofree char *problem = NULL;
      guint line, col;

      if (!hl_json_check (valid_json[i], strlen (valid_json[i]), &limits, NULL, &line, &col,
                          &problem))
        g_error ("refused valid JSON %s: %u:%u: %s", valid_json[i], line, col, problem);
    }
}

static void
test_syntax_invalid (void)
{
  const HlJsonLimits limits = { 64, 1024 };

  for (guint i = 0; i < G_N_ELEMENTS (invalid_json); i++)
    {
      const SyntaxCase *c = &invalid_json[i];
      g_autofree char *problem = NULL;
      guint line = 0, col = 0;

      if (hl_json_check (c->json, strlen (c->json), &limits, NULL, &line, &col, &problem))
        g_error ("accepted invalid JSON %s", c->json);
      g_assert_nonnull (problem);
      g_assert_true (g_utf8_validate (problem, -1, NULL));
      if (line != c->line || col != c->column || !contains (problem, c->problem))
        g_error ("%s: got %u:%u: %s; expected %u:%u: …%s…", c->json, line, col, problem,
                 c->line, c->column, c->problem);
    }
}

/* The limits are limits, not off by one. */
static void
test_syntax_limits (void)
{
  const HlJsonLimits limits = { 64, 1024 };
  g_autofree char *open = g_strnfill (65, '[');
  g_autofree char *close = g_strnfill (65, ']');
  g_autofree char *deep_ok = g_strdup_printf ("%.64s%.64s", open, close);
  g_autofree char *deep_bad = g_strdup_printf ("%s%s", open, close);
  g_autofree char *fill = g_strnfill (1024, 'x');
  g_autofree char *long_ok = g_strdup_printf ("\"%s\"", fill);
  g_autofree char *long_bad = g_strdup_printf ("\"%sx\"", fill);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL;
  guint line, col;

  g_assert_true (hl_json_check (deep_ok, strlen (deep_ok), &limits, NULL, &line, &col, &p1));
  g_assert_false (hl_json_check (deep_bad, strlen (deep_bad), &limits, NULL, &line, &col, &p2));
  g_assert_cmpuint (col, ==, 65);
  g_assert_true (hl_json_check (long_ok, strlen (long_ok), &limits, NULL, &line, &col, &p3));
  g_assert_false (hl_json_check (long_bad, strlen (long_bad), &limits, NULL, &line, &col, &p4));
  g_assert_true (contains (p4, "too long: more than 1.0 KiB in one string"));
}

/* Every member is compared, however many an object has: 100,000 names,
 * then a duplicate of the 70th (written with an escape), or of none. */
static void
test_syntax_many_members (void)
{
  const HlJsonLimits limits = { 64, 1024 };
  g_autoptr(GString) json = g_string_new ("{");
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL;
  guint line = 0, col = 0;
  gsize dup_at;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (json, "%s\n\"k%u\": %u", i ? "," : "", i, i);
  g_string_append (json, "}");
  g_assert_true (hl_json_check (json->str, json->len, &limits, NULL, &line, &col, &p1));

  g_string_truncate (json, json->len - 1);
  dup_at = json->len + 2;
  /* two duplicates: the one written first is named */
  g_string_append (json, ",\n\"\\u006b70\": 0,\n\"k5\": 0}");
  g_assert_false (hl_json_check (json->str, json->len, &limits, NULL, &line, &col, &p2));
  g_assert_cmpuint (line, ==, 100002);
  g_assert_cmpuint (col, ==, 1);
  g_assert_true (contains (p2, "the member “k70” appears twice in the same object "
                               "(first at line 72, column 1)"));

  /* a member past the 64th, duplicated after 100,000 others */
  json->str[dup_at + 6] = 'c';   /* "\u006c70" is "l70": "k5" is the only duplicate now */
  g_assert_false (hl_json_check (json->str, json->len, &limits, NULL, &line, &col, &p3));
  g_assert_cmpuint (line, ==, 100003);
  g_assert_true (contains (p3, "the member “k5” appears twice in the same object "
                               "(first at line 7, column 1)"));
}

/* ---- Good files ---- */

static HlDataset *
load_good (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HlDataset *dataset = hl_dataset_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
check_bundled (HlDataset *dataset)
{
  const HlEvent *stake;
  g_autofree char *date = NULL;
  int i;

  g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, 188);
  g_assert_cmpuint (hl_dataset_get_n_lanes (dataset), ==, 3);
  g_assert_cmpstr (hl_dataset_get_lane (dataset, 0)->id, ==, "heists");
  g_assert_cmpint (hl_dataset_get_lane (dataset, 0)->measure, ==, HL_MEASURE_USD);
  g_assert_null (hl_dataset_get_lane (dataset, 0)->unit);
  g_assert_cmpstr (hl_dataset_get_lane (dataset, 1)->id, ==, "launches");
  g_assert_cmpstr (hl_dataset_get_lane (dataset, 1)->unit, ==, "Missiles or rockets");
  for (guint k = 1; k < hl_dataset_get_n_events (dataset); k++)
    g_assert_cmpint (hl_dataset_get_event (dataset, k - 1)->time, <=,
                     hl_dataset_get_event (dataset, k)->time);
  /* every event on the day it is dated, offsets or not */
  for (guint k = 0; k < hl_dataset_get_n_events (dataset); k++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, k);
      g_autofree char *day = hl_date_format_iso (ev->time);

      if (strncmp (day, ev->date, 10) != 0)
        g_error ("%s dated %s is drawn on %s", ev->id, ev->date, day);
    }

  i = hl_dataset_find_event (dataset, "stake-2023");
  g_assert_cmpint (i, >=, 0);
  stake = hl_dataset_get_event (dataset, (guint) i);
  g_assert_cmpstr (stake->title, ==, "Stake.com");
  g_assert_cmpfloat (stake->usd, ==, 41000000.0);
  g_assert_cmpstr (stake->date, ==, "2023-09-04");
  date = hl_date_format_iso (stake->time);
  g_assert_cmpstr (date, ==, "2023-09-04");
  g_assert_cmpint (stake->confidence, ==, HL_CONFIDENCE_OFFICIAL);
  g_assert_cmpuint (stake->n_sources, >, 0);
  g_assert_true (hl_source_url_is_openable (stake->sources[0].url));
}

static void
test_bundled (void)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) from_file = hl_dataset_new_from_file (file, NULL, &error);
  g_autoptr(HlDataset) bundled = hl_dataset_new_bundled ();
  gint64 from, to;

  g_assert_no_error (error);
  check_bundled (from_file);
  check_bundled (bundled);
  g_assert_true (g_file_equal (hl_dataset_get_file (from_file), file));
  hl_dataset_get_default_range (bundled, &from, &to);
  g_assert_cmpint (from, ==, hl_date_from_ymd (2023, 7, 1));
  g_assert_cmpint (to, ==, hl_date_from_ymd (2024, 2, 1)); /* "to" 2024-01-31 is inclusive */
}

/* RFC 8259 lets a parser ignore a UTF-8 byte order mark; Windows editors add one. */
/* A date-time is drawn on the day it is written with: 23:30 at -05:00 on
 * 31 December is 2023 (in UTC it is already 2024), 08:30 at +09:00 on
 * 1 January is 2024 (in UTC still 2023). Events of the same local time
 * are ordered by their moment. */
static void
test_offset_days (void)
{
  static const char json[] =
    "{\"format\": \"heistline-dataset/1\", \"lanes\": [{\"id\": \"h\", \"measure\": \"usd\"}],"
    " \"events\": ["
    "{\"id\": \"ny\", \"lane\": \"h\", \"date\": \"2023-12-31T23:30-05:00\", "
    "\"title\": \"A\", \"usd\": 1},"
    "{\"id\": \"tokyo\", \"lane\": \"h\", \"date\": \"2024-01-01T08:30+09:00\", "
    "\"title\": \"B\", \"usd\": 2},"
    "{\"id\": \"utc\", \"lane\": \"h\", \"date\": \"2024-01-01T08:30Z\", "
    "\"title\": \"C\", \"usd\": 4},"
    "{\"id\": \"seoul\", \"lane\": \"h\", \"date\": \"2024-01-01T08:30+09:00\", "
    "\"title\": \"D\", \"usd\": 8}"
    "]}";
  static const char *order[] = { "ny", "tokyo", "seoul", "utc" };
  static const char *days[] = { "2023-12-31", "2024-01-01", "2024-01-01", "2024-01-01" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) dataset = hl_dataset_new_from_bytes (bytes, "offsets.json", NULL, &error);
  gint64 first, last;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, i);
      g_autofree char *day = hl_date_format_iso (ev->time);
      int y;

      g_assert_cmpstr (ev->id, ==, order[i]);
      g_assert_cmpstr (day, ==, days[i]);
      hl_date_to_ymd (ev->time, &y, NULL, NULL);
      g_assert_cmpint (y, ==, i == 0 ? 2023 : 2024);
    }
  /* the instant stays exact: 23:30-05:00 is 04:30Z the next day */
  g_assert_cmpint (hl_dataset_get_event (dataset, 0)->instant, ==,
                   hl_date_from_ymd (2024, 1, 1) + 4 * 3600 + 30 * 60);
  g_assert_cmpint (hl_dataset_get_event (dataset, 0)->time, ==,
                   hl_date_from_ymd (2023, 12, 31) + 23 * 3600 + 30 * 60);
  /* a year's events are the ones dated in it */
  g_assert_cmpuint (hl_dataset_lower_bound (dataset, hl_date_from_ymd (2024, 1, 1)), ==, 1);
  g_assert_true (hl_dataset_get_extent (dataset, &first, &last));
  g_assert_cmpint (hl_date_floor_day (first), ==, hl_date_from_ymd (2023, 12, 31));
}

static void
test_bom (void)
{
  g_autoptr(HlDataset) dataset = load_good ("good-bom.json");

  g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, 2);
  g_assert_cmpstr (hl_dataset_get_title (dataset), ==, "Fixture");
}

static void
test_unknown_fields (void)
{
  g_autoptr(HlDataset) dataset = load_good ("good-unknown-fields.json");
  const HlEvent *stake = hl_dataset_get_event (dataset, (guint) hl_dataset_find_event (dataset,
                                                                                    "stake"));

  g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, 2);
  g_assert_cmpfloat (stake->usd, ==, 41000000.0);
  g_assert_cmpuint (stake->n_sources, ==, 1);
}

static void
test_count_absent (void)
{
  g_autoptr(HlDataset) dataset = load_good ("good-count-absent.json");
  const HlEvent *cruise = hl_dataset_get_event (dataset, (guint) hl_dataset_find_event (dataset,
                                                                                     "cruise"));
  const HlEvent *icbm = hl_dataset_get_event (dataset, (guint) hl_dataset_find_event (dataset,
                                                                                   "icbm"));

  g_assert_cmpuint (cruise->count, ==, 1);
  g_assert_false (cruise->count_known);
  g_assert_cmpuint (icbm->count, ==, 1);
  g_assert_true (icbm->count_known);
}

/* A span lane: an event with an end lasts, one without is an instant;
 * neither has an amount, and both count once. */
static void
test_span_lane (void)
{
  g_autoptr(HlDataset) dataset = load_good ("good-span-lane.json");
  const HlLane *lane = hl_dataset_get_lane (dataset, 1);
  const HlEvent *embargo = hl_dataset_get_event (dataset, (guint) hl_dataset_find_event (dataset,
                                                                                       "embargo"));
  const HlEvent *listing = hl_dataset_get_event (dataset, (guint) hl_dataset_find_event (dataset,
                                                                                       "listing"));

  g_assert_cmpint (lane->measure, ==, HL_MEASURE_SPAN);
  g_assert_cmpstr (lane->unit, ==, "Measures");
  g_assert_true (embargo->has_end);
  g_assert_cmpstr (embargo->end, ==, "2023-12-31");
  g_assert_cmpint (embargo->end_time, ==, hl_date_from_ymd (2024, 1, 1));
  g_assert_false (listing->has_end);
  g_assert_cmpuint (embargo->count, ==, 1);
  g_assert_true (embargo->count_known);
  g_assert_cmpfloat (embargo->usd, ==, 0);
}

static void
test_no_events (void)
{
  g_autoptr(HlDataset) dataset = load_good ("good-no-events.json");
  gint64 from, to;

  g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, 0);
  g_assert_false (hl_dataset_get_extent (dataset, NULL, NULL));
  hl_dataset_get_default_range (dataset, &from, &to);
  g_assert_cmpint (from, <, to);
}

/* A lane's own kinds map: its kinds are drawn as it says, matched ignoring
 * case, before the default table; another lane keeps the defaults. */
static void
test_lane_kinds (void)
{
  static const struct
  {
    const char *event;
    HlShape     shape;
    const char *label;    /* NULL: no legend entry */
    int         rank;
  } expect[] = {
    { "cruise", HL_SHAPE_CIRCLE, "cruise missile", 2 },   /* overrides the default diamond */
    { "drone", HL_SHAPE_SQUARE, "drone", 1 },              /* "Drone" in the event */
    { "satellite", HL_SHAPE_TRIANGLE, NULL, 1 },           /* "SATELLITE", "label": "" */
    { "glide", HL_SHAPE_DIAMOND, "glide vehicle", 3 },     /* no label: its name */
    { "icbm", HL_SHAPE_TRIANGLE, "ballistic", 3 },         /* not in the map: the default */
    { "other", HL_SHAPE_SQUARE, NULL, 0 },                 /* nobody describes balloons */
    { "cruise-test", HL_SHAPE_DIAMOND, "cruise", 1 },      /* another lane: the default */
  };
  g_autoptr(HlDataset) dataset = load_good ("good-lane-kinds.json");
  const HlLane *launches = hl_dataset_get_lane (dataset, 0);

  g_assert_cmpuint (launches->n_kinds, ==, 4);
  g_assert_cmpstr (launches->kinds[0].name, ==, "cruise");
  g_assert_cmpstr (launches->kinds[2].name, ==, "SATELLITE");
  g_assert_cmpuint (hl_dataset_get_lane (dataset, 1)->n_kinds, ==, 0);
  g_assert_null (hl_dataset_get_lane (dataset, 1)->kinds);

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      int index = hl_dataset_find_event (dataset, expect[i].event);
      const HlEvent *ev;
      const HlKind *kind;

      g_assert_cmpint (index, >=, 0);
      ev = hl_dataset_get_event (dataset, (guint) index);
      kind = hl_dataset_lane_kind (dataset, ev->lane, ev->kind);
      if (kind->shape != expect[i].shape || kind->rank != expect[i].rank ||
          g_strcmp0 (hl_kind_get_label (kind), expect[i].label) != 0)
        g_error ("%s (kind “%s”): got %s, “%s”, rank %d; expected %s, “%s”, rank %d",
                 expect[i].event, ev->kind, hl_shape_to_string (kind->shape),
                 hl_kind_get_label (kind), kind->rank, hl_shape_to_string (expect[i].shape),
                 expect[i].label, expect[i].rank);
    }
}

/* URLs of any scheme load and are kept verbatim, as text; only web links
 * may ever be opened. Titles are kept as written, markup and all. */
/* A month known but not its day, and a theft with no published amount:
 * kept as such, not as the 1st of the month or $0. */
static void
test_precision_no_amount (void)
{
  g_autoptr(HlDataset) dataset = load_good ("good-precision-no-amount.json");
  const HlEvent *bithumb, *youbit, *stake, *year;
  HlRangeSum sum;

  g_assert_cmpuint (hl_dataset_get_n_events (dataset), ==, 4);
  bithumb = hl_dataset_get_event (dataset, hl_dataset_find_event (dataset, "bithumb"));
  youbit = hl_dataset_get_event (dataset, hl_dataset_find_event (dataset, "youbit"));
  stake = hl_dataset_get_event (dataset, hl_dataset_find_event (dataset, "stake"));
  year = hl_dataset_get_event (dataset, hl_dataset_find_event (dataset, "y"));
  g_assert_cmpint (bithumb->date_precision, ==, HL_DATE_PRECISION_MONTH);
  g_assert_cmpint (year->date_precision, ==, HL_DATE_PRECISION_YEAR);
  g_assert_cmpint (stake->date_precision, ==, HL_DATE_PRECISION_DAY);
  g_assert_cmpint (youbit->date_precision, ==, HL_DATE_PRECISION_DAY);
  g_assert_false (bithumb->usd_unknown);
  g_assert_true (bithumb->count_known);
  g_assert_true (youbit->usd_unknown);
  g_assert_false (youbit->count_known);
  g_assert_cmpfloat (youbit->usd, ==, 0.0);
  /* the lane's sums: $48M from three events, one of them without an amount */
  hl_dataset_lane_sum (dataset, 0, 0, hl_dataset_lane_get_n_events (dataset, 0), &sum);
  g_assert_cmpuint (sum.n_events, ==, 3);
  g_assert_cmpfloat (sum.usd, ==, 48000000.0);
  g_assert_cmpuint (sum.n_unknown, ==, 1);

  /* "amounts below $10M" hides Bithumb's $7M, not the amount nobody knows */
  {
    HlView view;

    hl_view_init (&view, dataset);
    view.min_usd = 10e6;
    g_assert_false (hl_view_shows_event (&view, dataset, bithumb));
    g_assert_true (hl_view_shows_event (&view, dataset, youbit));
    g_assert_true (hl_view_shows_event (&view, dataset, stake));
    hl_view_clear (&view);
  }
}

static void
test_urls (void)
{
  static const struct { const char *url; gboolean openable; } urls[] = {
    { "javascript:alert(1)", FALSE },
    { "file:///etc/passwd", FALSE },
    { "ftp://example.org/x", FALSE },
    { "https://example.org/a", TRUE },
    { "http://example.org/b", TRUE },
    { "HTTPS://EXAMPLE.ORG/C", TRUE },
    { "data:text/html,<b>x</b>", FALSE },
    { "/etc/shadow", FALSE },
    { "https://", FALSE },
  };
  g_autoptr(HlDataset) dataset = load_good ("good-urls.json");
  const HlEvent *stake = hl_dataset_get_event (dataset, (guint) hl_dataset_find_event (dataset,
                                                                                    "stake"));

  g_assert_cmpstr (stake->title, ==, "<b>Stake</b> & <i>co</i>");
  g_assert_cmpuint (stake->n_sources, ==, G_N_ELEMENTS (urls));
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_assert_cmpstr (stake->sources[i].url, ==, urls[i].url);
      g_assert_cmpint (hl_source_url_is_openable (stake->sources[i].url), ==, urls[i].openable);
    }
  g_assert_false (hl_source_url_is_openable (NULL));
  g_assert_false (hl_source_url_is_openable (""));
  g_assert_false (hl_source_url_is_openable (" https://example.org/"));
  g_assert_false (hl_source_url_is_openable ("httpsx://example.org/"));
}

/* ---- Hostile sizes and shapes, generated at test time ---- */

typedef struct
{
  char *dir;
} TmpDir;

static void
tmp_setup (TmpDir *t, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("heistline-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
tmp_teardown (TmpDir *t, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (t->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (t->dir, name, NULL);

      if (g_remove (path) != 0 && g_rmdir (path) != 0)
        g_warning ("cannot remove %s", path);
    }
  g_rmdir (t->dir);
  g_free (t->dir);
}

static char *
write_file (TmpDir *t, const char *name, const char *contents, gssize len)
{
  char *path = g_build_filename (t->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Loads @path, which must fail, with @opts (NULL: the defaults). */
static GError *
load_path_full (const char *path, const HlLoadOptions *opts)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HlDataset) dataset = NULL;
  GError *error = NULL;

  dataset = hl_dataset_new_from_file_full (file, opts, NULL, &error);
  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, path));
  return error;
}

static GError *
load_path (const char *path)
{
  return load_path_full (path, NULL);
}

/* json-glib would overflow its stack on this. */
static void
test_deep_nesting (TmpDir *t, gconstpointer data)
{
  static const char *shapes[] = { "[", "{\"a\":", "[{\"a\":" };

  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 100000; i++)
        g_string_append (json, shapes[s]);
      path = write_file (t, "deep.json", json->str, (gssize) json->len);
      error = load_path (path);
      g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX);
      g_assert_true (contains (error->message, ": not valid JSON: nested deeper than 64 levels"));
      g_assert_true (g_str_has_prefix (error->message + strlen (path), ":1:"));
    }
}

static void
test_deep_nesting_cli (TmpDir *t, gconstpointer data)
{
  g_autofree char *brackets = g_strnfill (100000, '[');
  g_autofree char *path = write_file (t, "deep.json", brackets, -1);
  const char *args[] = { "--validate", path, NULL };
  g_autofree char *out = NULL, *err = NULL, *want = NULL;
  int status;

  if (!run_cli (args, NULL, &status, &out, &err))
    return;
  g_assert_cmpint (status, ==, 1);
  want = g_strdup_printf ("%s:1:65: not valid JSON: nested deeper than 64 levels; this is not a "
                          "dataset\n", path);
  g_assert_cmpstr (err, ==, want);
}

/* A 200 MB string: refused as soon as the string passes the limit, before
 * json-glib copies it. Written in pieces to keep the test's own memory low. */
static void
test_huge_string (TmpDir *t, gconstpointer data)
{
  g_autofree char *path = g_build_filename (t->dir, "huge.json", NULL);
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'a');
  g_autoptr(GError) error = NULL;
  FILE *f = fopen (path, "w");
  const char *head = "{\n  \"format\": \"heistline-dataset/1\",\n  \"title\": \"";

  g_assert_nonnull (f);
  fputs (head, f);
  for (guint i = 0; i < 200; i++)
    g_assert_cmpuint (fwrite (chunk, 1, 1024 * 1024, f), ==, 1024 * 1024);
  fputs ("\"\n}\n", f);
  g_assert_cmpint (fclose (f), ==, 0);

  error = load_path (path);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX);
  g_assert_true (contains (error->message, ":3:12: not valid JSON: a text starting here is "
                                            "too long: more than 1.0 MiB in one string"));
}

/* A text under the string limit but over the field limit is named by field. */
static void
test_long_field (TmpDir *t, gconstpointer data)
{
  g_autofree char *notes = g_strnfill (100 * 1024, 'n');
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"heistline-dataset/1\", \"lanes\": [{\"id\": \"h\", \"measure\": \"usd\"}],"
    " \"events\": [{\"id\": \"x\", \"lane\": \"h\", \"date\": \"2023-09-04\", \"title\": \"X\","
    " \"usd\": 1, \"notes\": \"%s\"}]}", notes);
  g_autofree char *path = write_file (t, "long.json", json, -1);
  g_autoptr(GError) error = load_path (path);

  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID);
  g_assert_true (contains (error->message, ": events[0] (id “x”): field “notes”: too long "
                                            "(102400 bytes, at most 65536)"));
}

/* The size limit is an option of one load, not of the process: the same
 * bytes are refused with a small limit and read, in the same process,
 * with the defaults. */
static void
test_size_limit (TmpDir *t, gconstpointer data)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  HlLoadOptions opts;
  gsize len;

  hl_load_options_init (&opts);
  g_assert_cmpuint (opts.max_file_size, ==, HL_DATASET_DEFAULT_MAX_SIZE);
  opts.max_file_size = 1024;

  dataset = hl_dataset_new_from_file_full (file, &opts, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (contains (error->message, ": the file is "));
  g_assert_true (contains (error->message, "larger than the limit of 1.0 KiB"));

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  dataset = hl_dataset_new_from_bytes_full (bytes, "x.json", &opts, NULL, &error2);
  g_assert_null (dataset);
  g_assert_error (error2, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error2->message, "x.json: the file is "));

  /* The defaults, by NULL options or by the plain functions. */
  dataset = hl_dataset_new_from_bytes_full (bytes, "x.json", NULL, NULL, NULL);
  g_assert_nonnull (dataset);
  g_clear_object (&dataset);
  dataset = hl_dataset_new_from_bytes (bytes, "x.json", NULL, NULL);
  g_assert_nonnull (dataset);
  g_clear_object (&dataset);
  dataset = hl_dataset_new_from_file (file, NULL, NULL);
  g_assert_nonnull (dataset);

  /* A limit exactly the file's size lets it through. */
  g_clear_object (&dataset);
  opts.max_file_size = len;
  dataset = hl_dataset_new_from_file_full (file, &opts, NULL, NULL);
  g_assert_nonnull (dataset);
}

static void
on_loaded_with_limit (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;
  g_autoptr(HlDataset) dataset = hl_dataset_load_finish (result, error);

  g_assert_null (dataset);
  g_assert_nonnull (*error);
}

/* The worker thread reads with the options given, copied: the caller's
 * may go away at once. */
static void
test_size_limit_async (void)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HlLoadOptions *opts = g_new (HlLoadOptions, 1);

  hl_load_options_init (opts);
  opts->max_file_size = 1024;
  hl_dataset_load_async_full (file, opts, NULL, on_loaded_with_limit, &error);
  g_free (opts);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE);
  g_assert_true (contains (error->message, "larger than the limit of 1.0 KiB"));
}

/* HEISTLINE_MAX_FILE_SIZE read into options by the caller, with nonsense
 * reported and the default kept. */
static void
test_options_from_env (void)
{
  static const struct { const char *value; gboolean ok; gsize limit; } cases[] = {
    { NULL, TRUE, HL_DATASET_DEFAULT_MAX_SIZE },
    { "", TRUE, HL_DATASET_DEFAULT_MAX_SIZE },
    { "1000", TRUE, 1000 },
    { "lots", FALSE, HL_DATASET_DEFAULT_MAX_SIZE },
    { "0", FALSE, HL_DATASET_DEFAULT_MAX_SIZE },
    { "-5", FALSE, HL_DATASET_DEFAULT_MAX_SIZE },
    { "12kB", FALSE, HL_DATASET_DEFAULT_MAX_SIZE },
  };
  g_autofree char *saved = g_strdup (g_getenv (HL_LOAD_MAX_FILE_SIZE_ENV));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HlLoadOptions opts;

      if (cases[i].value != NULL)
        g_setenv (HL_LOAD_MAX_FILE_SIZE_ENV, cases[i].value, TRUE);
      else
        g_unsetenv (HL_LOAD_MAX_FILE_SIZE_ENV);
      opts.max_file_size = 7;
      g_assert_cmpint (hl_load_options_init_from_env (&opts, &error), ==, cases[i].ok);
      g_assert_cmpuint (opts.max_file_size, ==, cases[i].limit);
      if (cases[i].ok)
        g_assert_no_error (error);
      else
        {
          g_autofree char *want = g_strdup_printf ("HEISTLINE_MAX_FILE_SIZE=“%s” is not a "
                                                   "number of bytes; using the default limit",
                                                   cases[i].value);

          g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
          g_assert_cmpstr (error->message, ==, want);
        }
    }
  if (saved != NULL)
    g_setenv (HL_LOAD_MAX_FILE_SIZE_ENV, saved, TRUE);
  else
    g_unsetenv (HL_LOAD_MAX_FILE_SIZE_ENV);
}

/* The default limit in the units the documentation uses: "1.0 GiB", not
 * "1.1 GB" (a sparse file: nothing is written or read). */
static void
test_size_limit_iec (TmpDir *t, gconstpointer data)
{
  g_autofree char *path = g_build_filename (t->dir, "big.json", NULL);
  g_autofree char *want = g_strconcat (path, ": the file is 1.1 GiB, larger than the limit of "
                                       "1.0 GiB", NULL);
  g_autoptr(GError) error = NULL;
  int fd = open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1100 * 1024 * 1024), ==, 0);
  close (fd);
  error = load_path (path);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE);
  g_assert_true (contains (error->message, want));
}

/* HEISTLINE_MAX_FILE_SIZE moves the limit for one run of the command. */
static void
test_size_limit_env (void)
{
  g_autofree char *path = bundled_path ();
  const char *args[] = { "--validate", path, NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  int status;

  if (!run_cli (args, "HEISTLINE_MAX_FILE_SIZE=1024", &status, &out, &err))
    return;
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (err, path));
  g_assert_true (contains (err, "larger than the limit of 1.0 KiB"));

  /* Nonsense is reported and the default kept. */
  run_cli (args, "HEISTLINE_MAX_FILE_SIZE=lots", &status, &out2, &err2);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (contains (err2, "HEISTLINE_MAX_FILE_SIZE=“lots” is not a number of bytes"));
  g_assert_true (contains (out2, ": valid, 188 events in 3 lanes"));
}

static void
test_cli_bundled (void)
{
  g_autofree char *path = bundled_path ();
  const char *args[] = { "--validate", path, NULL };
  g_autofree char *out = NULL, *err = NULL, *want = NULL;
  int status;

  if (!run_cli (args, NULL, &status, &out, &err))
    return;
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  want = g_strdup_printf ("%s: valid, 188 events in 3 lanes (2017-02-01 to 2024-11-05)\n", path);
  g_assert_cmpstr (out, ==, want);
}

/* One of each is said as one, not "1 events in 1 lanes". */
static void
test_cli_singular (void)
{
  g_autofree char *path = data_path ("good-one-event.json");
  const char *args[] = { "--validate", path, NULL };
  g_autofree char *out = NULL, *err = NULL, *want = NULL;
  int status;

  if (!run_cli (args, NULL, &status, &out, &err))
    return;
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  want = g_strdup_printf ("%s: valid, 1 event in 1 lane (2023-09-04 to 2023-09-04)\n", path);
  g_assert_cmpstr (out, ==, want);
}

/* ---- Files that are not what they seem ---- */

static void
test_file_deleted (TmpDir *t, gconstpointer data)
{
  g_autofree char *path = write_file (t, "gone.json", "{}", -1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_remove (path), ==, 0);
  error = load_path (path);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO);
  g_assert_true (contains (error->message, ": cannot read: the file does not exist"));
}

static void
test_file_directory (TmpDir *t, gconstpointer data)
{
  g_autoptr(GError) error = load_path (t->dir);

  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO);
  g_assert_true (contains (error->message, ": is a folder, not a dataset file"));
}

/* /dev/zero says it is 0 bytes long and never ends. */
static void
test_file_device (void)
{
  g_autoptr(GError) error = load_path ("/dev/zero");

  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "/dev/zero: is a device, not a dataset file");
}

/* /proc files also say 0 bytes, and have content: it is read, not
 * taken as empty. */
static void
test_file_proc (void)
{
  g_autoptr(GError) error = load_path ("/proc/self/status");

  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX);
  g_assert_true (contains (error->message, "/proc/self/status:1:1: not valid JSON"));
}

typedef struct
{
  char  *path;
  GBytes *bytes;   /* written once, then the pipe is closed */
  gboolean endless; /* write until the reader goes away */
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  int fd = open (w->path, O_WRONLY);
  gsize len;
  const char *p = g_bytes_get_data (w->bytes, &len);

  g_assert_cmpint (fd, >=, 0);
  do
    {
      gsize done = 0;

      while (done < len)
        {
          ssize_t n = write (fd, p + done, len - done);

          if (n < 0)
            {
              g_assert_true (w->endless && errno == EPIPE);
              close (fd);
              return NULL;
            }
          done += (gsize) n;
        }
    }
  while (w->endless);
  close (fd);
  return NULL;
}

/* A file cut off while it is read (here a pipe whose writer stops half way)
 * is a syntax error, not a crash or a partial dataset. */
static void
test_file_cut_while_read (TmpDir *t, gconstpointer data)
{
  g_autofree char *bundled = bundled_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  Writer w = { 0 };
  GThread *thread;
  gsize len;

  g_assert_true (g_file_get_contents (bundled, &contents, &len, NULL));
  w.path = g_build_filename (t->dir, "pipe.json", NULL);
  w.bytes = g_bytes_new (contents, len / 2);
  g_assert_cmpint (mkfifo (w.path, 0600), ==, 0);
  thread = g_thread_new ("writer", writer_thread, &w);
  error = load_path (w.path);
  g_thread_join (thread);

  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX);
  g_assert_true (contains (error->message, "cut short"));
  g_bytes_unref (w.bytes);
  g_free (w.path);
}

/* A pipe says it is 0 bytes long: reading stops at the limit anyway. */
static void
test_file_endless_pipe (TmpDir *t, gconstpointer data)
{
  g_autofree char *spaces = g_strnfill (64 * 1024, ' ');
  g_autoptr(GError) error = NULL;
  Writer w = { 0 };
  GThread *thread;
  HlLoadOptions opts;

  hl_load_options_init (&opts);
  opts.max_file_size = 1024 * 1024;
  w.path = g_build_filename (t->dir, "endless.json", NULL);
  w.bytes = g_bytes_new_static (spaces, 64 * 1024);
  w.endless = TRUE;
  g_assert_cmpint (mkfifo (w.path, 0600), ==, 0);
  thread = g_thread_new ("writer", writer_thread, &w);
  error = load_path_full (w.path, &opts);
  g_thread_join (thread);

  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE);
  g_assert_true (contains (error->message, ": the file is larger than the limit of 1.0 MiB"));
  g_bytes_unref (w.bytes);
  g_free (w.path);
}

/* ---- Terminal-safe messages ---- */

/* Nothing a terminal acts on, and no line that does not start with @path. */
static void
assert_terminal_safe (const char *text, const char *path)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  if (hl_escape_needed (text, -1, HL_ESCAPE_KEEP_NEWLINES))
    g_error ("raw control or bidi character in:\n%s", text);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    if (!g_str_has_prefix (lines[i], path))
      g_error ("a line that does not start with %s:\n%s", path, lines[i]);
}

/* An id with ESC, OSC, BEL, a newline and U+202E cannot clear the screen,
 * retitle the terminal or forge a line "other.json: valid, 9 events"; nor
 * can a file name with the same in it. */
static void
test_cli_terminal_safe (TmpDir *t, gconstpointer data)
{
  g_autofree char *path = data_path ("bad-id-terminal.json");
  g_autofree char *bundled = bundled_path ();
  g_autofree char *contents = NULL;
  g_autofree char *evil = NULL, *evil_shown = NULL;
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  const char *args[] = { "--validate", path, NULL };
  const char *args2[] = { "--validate", NULL, NULL };
  int status;

  if (!run_cli (args, NULL, &status, &out, &err))
    return;
  g_assert_cmpint (status, ==, 1);
  assert_terminal_safe (err, path);
  g_assert_true (contains (err, "(id “x\\x1b[2J\\x1b]0;pwned\\x07\\x0aother.json: valid, "
                                "9 events\\u202e”)"));
  g_assert_cmpuint (strlen (err), ==, strcspn (err, "\n") + 1);   /* one line */

  g_assert_true (g_file_get_contents (bundled, &contents, NULL, NULL));
  evil = write_file (t, "a\033]0;t\007\nother.json: valid, 9 events\u202e.json", contents, -1);
  evil_shown = hl_escape_text (evil, -1, HL_ESCAPE_NONE);
  args2[1] = evil;
  g_assert_true (run_cli (args2, NULL, &status, &out2, &err2));
  g_assert_cmpint (status, ==, 0);
  assert_terminal_safe (out2, t->dir);
  g_assert_true (g_str_has_prefix (out2, evil_shown));
  g_assert_true (contains (out2, "\\x1b]0;t\\x07\\x0aother.json: valid, 9 events\\u202e.json: "
                                 "valid, "));
}

/* A FIFO that no program writes to: refused within a moment, where open()
 * used to wait for ever (the alarm fails the test if it still does). */
static void
test_file_fifo_no_writer (TmpDir *t, gconstpointer data)
{
  g_autofree char *path = g_build_filename (t->dir, "fifo.json", NULL);
  g_autofree char *want = g_strconcat (path, ": is not a regular file (a FIFO) and no program "
                                       "is writing to it", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--validate", path, NULL };
  int status;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  alarm (20);
  error = load_path (path);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, want);
  if (run_cli (args, NULL, &status, &out, &err))
    {
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, want));
    }
  alarm (0);
}

/* A socket is called a socket, not a device. */
static void
test_file_socket (TmpDir *t, gconstpointer data)
{
  g_autofree char *path = g_build_filename (t->dir, "sock.json", NULL);
  g_autofree char *want = g_strconcat (path, ": is not a regular file (a socket), not a "
                                       "dataset file", NULL);
  g_autoptr(GError) error = NULL;
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpuint (strlen (path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  error = load_path (path);
  close (fd);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, want);
}

/* A system error names the path once (GIO's message repeated it). */
static void
test_file_symlink_loop (TmpDir *t, gconstpointer data)
{
  g_autofree char *path = g_build_filename (t->dir, "loop.json", NULL);
  g_autofree char *want = g_strconcat (path, ": cannot read: ", g_strerror (ELOOP), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("loop.json", path), ==, 0);
  error = load_path (path);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, want);
}

/* ---- Cancellation ---- */

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(HlDataset) dataset = NULL;
  gsize len;

  g_cancellable_cancel (cancellable);

  dataset = hl_dataset_new_from_file (file, cancellable, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  dataset = hl_dataset_new_from_bytes (bytes, "x.json", cancellable, &error2);
  g_assert_null (dataset);
  g_assert_error (error2, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **error = user_data;
  g_autoptr(HlDataset) dataset = hl_dataset_load_finish (result, error);

  g_assert_null (dataset);
  g_assert_nonnull (*error);
}

static void
test_cancelled_async (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  hl_dataset_load_async (file, cancellable, on_loaded, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_async_bad (void)
{
  g_autofree char *path = data_path ("bad-date-feb30.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  hl_dataset_load_async (file, NULL, on_loaded, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID);
  g_assert_true (contains (error->message, "“2023-02-30” is not a valid date"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The endless-pipe writer learns that the reader left from EPIPE. */
  signal (SIGPIPE, SIG_IGN);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strndup (bad_cases[i].file, strlen (bad_cases[i].file) - 5);
      g_autofree char *p1 = g_strdup_printf ("/loader/bad/file/%s", name);
      g_autofree char *p2 = g_strdup_printf ("/loader/bad/bytes/%s", name);
      g_autofree char *p3 = g_strdup_printf ("/loader/bad/validate-cli/%s", name);

      g_test_add_data_func (p1, &bad_cases[i], test_bad_file);
      g_test_add_data_func (p2, &bad_cases[i], test_bad_bytes);
      g_test_add_data_func (p3, &bad_cases[i], test_bad_cli);
    }
  g_test_add_func ("/loader/syntax/valid", test_syntax_valid);
  g_test_add_func ("/loader/syntax/invalid", test_syntax_invalid);
  g_test_add_func ("/loader/syntax/limits", test_syntax_limits);
  g_test_add_func ("/loader/syntax/many-members", test_syntax_many_members);
  g_test_add_func ("/loader/bad/all-fixtures-listed", test_all_fixtures_listed);
  g_test_add_func ("/loader/bad/problem-cap", test_problem_cap);
  g_test_add_func ("/loader/bad/problem-flood", test_problem_flood);
  g_test_add_func ("/loader/bad/collection-limits", test_collection_limits);

  g_test_add_func ("/loader/good/bundled", test_bundled);
  g_test_add_func ("/loader/good/bom", test_bom);
  g_test_add_func ("/loader/good/offset-days", test_offset_days);
  g_test_add_func ("/loader/good/unknown-fields", test_unknown_fields);
  g_test_add_func ("/loader/good/count-absent", test_count_absent);
  g_test_add_func ("/loader/good/no-events", test_no_events);
  g_test_add_func ("/loader/good/span-lane", test_span_lane);
  g_test_add_func ("/loader/good/urls-kept-as-text", test_urls);
  g_test_add_func ("/loader/good/lane-kinds", test_lane_kinds);
  g_test_add_func ("/loader/good/precision-no-amount", test_precision_no_amount);
  g_test_add_func ("/loader/good/validate-cli", test_cli_bundled);
  g_test_add_func ("/loader/good/validate-cli-singular", test_cli_singular);

  g_test_add ("/loader/huge/deep-nesting", TmpDir, NULL, tmp_setup, test_deep_nesting,
              tmp_teardown);
  g_test_add ("/loader/huge/deep-nesting-cli", TmpDir, NULL, tmp_setup, test_deep_nesting_cli,
              tmp_teardown);
  g_test_add ("/loader/huge/200mb-string", TmpDir, NULL, tmp_setup, test_huge_string,
              tmp_teardown);
  g_test_add ("/loader/huge/long-field", TmpDir, NULL, tmp_setup, test_long_field, tmp_teardown);
  g_test_add ("/loader/huge/size-limit", TmpDir, NULL, tmp_setup, test_size_limit, tmp_teardown);
  g_test_add_func ("/loader/huge/size-limit-env", test_size_limit_env);
  g_test_add ("/loader/huge/size-limit-iec", TmpDir, NULL, tmp_setup, test_size_limit_iec,
              tmp_teardown);
  g_test_add_func ("/loader/huge/size-limit-async", test_size_limit_async);
  g_test_add_func ("/loader/options/from-env", test_options_from_env);

  g_test_add ("/loader/file/deleted", TmpDir, NULL, tmp_setup, test_file_deleted, tmp_teardown);
  g_test_add ("/loader/file/directory", TmpDir, NULL, tmp_setup, test_file_directory,
              tmp_teardown);
  g_test_add_func ("/loader/file/device", test_file_device);
  g_test_add_func ("/loader/file/proc", test_file_proc);
  g_test_add ("/loader/file/cut-while-read", TmpDir, NULL, tmp_setup, test_file_cut_while_read,
              tmp_teardown);
  g_test_add ("/loader/file/endless-pipe", TmpDir, NULL, tmp_setup, test_file_endless_pipe,
              tmp_teardown);

  g_test_add ("/loader/file/fifo-no-writer", TmpDir, NULL, tmp_setup, test_file_fifo_no_writer,
              tmp_teardown);
  g_test_add ("/loader/file/socket", TmpDir, NULL, tmp_setup, test_file_socket, tmp_teardown);
  g_test_add ("/loader/file/symlink-loop", TmpDir, NULL, tmp_setup, test_file_symlink_loop,
              tmp_teardown);
  g_test_add ("/loader/file/terminal-safe-cli", TmpDir, NULL, tmp_setup, test_cli_terminal_safe,
              tmp_teardown);
  g_test_add_func ("/loader/cancel/sync", test_cancelled);
  g_test_add_func ("/loader/cancel/async", test_cancelled_async);
  g_test_add_func ("/loader/cancel/async-bad-file", test_async_bad);

  return g_test_run ();
}
