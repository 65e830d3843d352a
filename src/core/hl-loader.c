/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads heistline-dataset/1 files. Every file is untrusted: the bytes are
 * checked (size, encoding, nesting) before json-glib sees them, and every
 * rule of the format is checked after; a file with problems is refused as a
 * whole, with each problem named by place. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hl-data-resources.h"
#include "hl-date.h"
#include "hl-escape.h"
#include "hl-json-check.h"
#include "hl-loader-private.h"

/* No string in a dataset needs more (texts are at most 64 KiB once decoded,
 * 6 bytes per character if all escaped); past it, reading stops at once. */
#define MAX_RAW_STRING ((gsize) 1024 * 1024)
/* The range shown for a dataset without events or a default range. */
#define EMPTY_RANGE_FROM 2023, 7, 1
#define EMPTY_RANGE_TO   2024, 2, 1
/* What a file of unknown size is first read into; the buffer then doubles. */
#define READ_CHUNK ((gsize) 64 * 1024)

/* Fills @opts with the default limits. Call it before setting any field:
 * limits added later then get their defaults in callers that do not know
 * them. */
void
hl_load_options_init (HlLoadOptions *opts)
{
  g_return_if_fail (opts != NULL);

  memset (opts, 0, sizeof *opts);
  opts->max_file_size = HL_DATASET_DEFAULT_MAX_SIZE;
}

/* Fills @opts with the defaults, then with what the environment says:
 * HEISTLINE_MAX_FILE_SIZE (bytes) moves the size limit for one run. A
 * value that is not a number of bytes leaves the default and sets @error
 * (G_OPTION_ERROR_BAD_VALUE, a sentence for the user); @opts is usable
 * either way. */
gboolean
hl_load_options_init_from_env (HlLoadOptions *opts, GError **error)
{
  const char *env;
  guint64 v;

  g_return_val_if_fail (opts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hl_load_options_init (opts);
  env = g_getenv (HL_LOAD_MAX_FILE_SIZE_ENV);
  if (env == NULL || *env == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (env, 10, 1, G_MAXSIZE - 1, &v, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s=“%s” is not a number of bytes; using the default limit"),
                   HL_LOAD_MAX_FILE_SIZE_ENV, env);
      return FALSE;
    }
  opts->max_file_size = (gsize) v;
  return TRUE;
}

/* NULL means the defaults. */
static const HlLoadOptions *
resolve_options (const HlLoadOptions *opts, HlLoadOptions *defaults)
{
  if (opts != NULL)
    return opts;
  hl_load_options_init (defaults);
  return defaults;
}

/* json-glib recurses once per bracket and overflows the stack at about
 * 75,000 levels, wraps integers past 64 bits and keeps the last of two
 * members with the same name; so the whole syntax is checked first, in one
 * pass, with a message a person can act on. */
static gboolean
check_syntax (HlLoader *l, const char *data, gsize len, GError **error)
{
  const HlJsonLimits limits = { HL_DATASET_MAX_DEPTH, MAX_RAW_STRING };
  g_autofree char *problem = NULL;
  g_autofree char *shown = NULL;
  guint line = 0, col = 0;
  gboolean by_rule = FALSE;

  if (hl_json_check_full (data, len, &limits, l->cancellable, &line, &col, &problem, &by_rule))
    return TRUE;
  if (problem == NULL)
    {
      g_cancellable_set_error_if_cancelled (l->cancellable, error);
      return FALSE;
    }
  /* It may quote the file's text (a member name, what was found). */
  shown = hl_escape_text (problem, -1, HL_ESCAPE_NONE);
  if (by_rule)
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID,
                 _("%s:%u:%u: valid JSON, but Heistline does not accept it: %s"), l->name, line,
                 col, shown);
  else
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                 _("%s:%u:%u: not valid JSON: %s"), l->name, line, col, shown);
  return FALSE;
}

static gboolean
check_encoding (HlLoader *l, const char **data, gsize *len, GError **error)
{
  const guchar *u = (const guchar *) *data;
  const char *end = NULL;
  const char *utf = NULL;

  /* By byte order mark, or by the zero bytes UTF-16 puts in ASCII text. */
  if (*len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
                    (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)))
    utf = "UTF-32";
  /* Without a mark, UTF-16 has an even length ("[", NUL, "]" is not). */
  else if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF) ||
                         (*len % 2 == 0 && (u[0] == 0) != (u[1] == 0))))
    utf = "UTF-16";
  if (utf != NULL)
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                   _("%s: the file is %s encoded; save it as UTF-8"), l->name, utf);
      return FALSE;
    }
  /* A UTF-8 byte order mark is allowed (RFC 8259 lets parsers ignore it,
   * and some editors add it); it is skipped. */
  if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      *data += 3;
      *len -= 3;
    }
  if (!g_utf8_validate_len (*data, *len, &end))
    {
      guint line, col;

      hl_json_locate (*data, end - *data, &line, &col);
      if (*end == '\0')
        g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                     _("%s:%u:%u: contains a NUL byte; this is not a text file"),
                     l->name, line, col);
      else
        g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                     _("%s:%u:%u: invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
                     l->name, line, col, (guchar) *end);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *data, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static void
set_too_large (GError **error, const char *name, const char *size, gsize limit)
{
  g_autofree char *limit_text = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

  if (size != NULL)
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE,
                 _("%s: the file is %s, larger than the limit of %s"), name, size, limit_text);
  else
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE,
                 _("%s: the file is larger than the limit of %s"), name, limit_text);
}

/* Empty, not UTF-8 or not JSON: refused before json-glib sees the bytes.
 * A UTF-8 byte order mark is stepped over in *@data and *@len. */
static gboolean
check_bytes (HlLoader *l, const char **data, gsize *len, GError **error)
{
  if (*len == 0 || is_blank (*data, *len))
    {
      if (*len == 0)
        hl_loader_problem (l, _("the file is empty"));
      else
        hl_loader_problem (l, _("the file is empty (it holds only white space)"));
      return hl_loader_fail (l, error);
    }
  return check_encoding (l, data, len, error) && check_syntax (l, *data, *len, error);
}

/* check_syntax() lets nothing through that json-glib refuses, but in case:
 * json-glib prefixes "<data>:LINE:COL: " (its get_current_line() is 0
 * after a failure); the message names the file instead. */
static void
set_parse_error (GError **error, const char *name, const char *message)
{
  const char *prefix = "<data>:";
  const char *msg = message, *tail;
  g_autofree char *shown = NULL;
  guint line = 0, col = 0;

  if (g_str_has_prefix (msg, prefix) && (tail = strstr (msg + strlen (prefix), ": ")) != NULL)
    {
      if (sscanf (msg + strlen (prefix), "%u:%u", &line, &col) != 2)
        line = col = 0;
      msg = tail + 2;
    }
  if (g_str_has_prefix (msg, "Parse error: "))
    msg += strlen ("Parse error: ");
  shown = hl_escape_text (msg, -1, HL_ESCAPE_NONE);
  g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
               _("%s:%u:%u: not valid JSON: %s"), name, line, col, shown);
}

/* A large file: json-glib parses all but the events, with an empty
 * "events" array in their place (returned in *@head); the events are
 * parsed by slices. NULL: parse the file whole. */
static HlEventSlices *
plan_slices (const char *data, gsize len, char **head, gsize *head_len)
{
  HlEventSlices *slices;

  if (len < HL_SLICE_MIN_FILE || (slices = hl_event_slices_plan (data, len)) == NULL)
    return NULL;
  *head_len = slices->open + 1 + (len - slices->close);
  *head = g_malloc (*head_len);
  memcpy (*head, data, slices->open + 1);
  memcpy (*head + slices->open + 1, data + slices->close, len - slices->close);
  return slices;
}

/* Without a default range, show every event with a margin. */
static void
pick_default_range (HlDataset *self)
{
  gint64 first, last;

  if (self->default_to > self->default_from)
    return;
  if (hl_dataset_get_extent (self, &first, &last))
    {
      self->default_from = hl_date_floor_day (first);
      self->default_to = hl_date_floor_day (last) + HL_SECONDS_PER_DAY;
    }
  else
    {
      self->default_from = hl_date_from_ymd (EMPTY_RANGE_FROM);
      self->default_to = hl_date_from_ymd (EMPTY_RANGE_TO);
    }
}

static HlDataset *load_bytes (GBytes              *bytes,
                              const char          *display_name,
                              const HlLoadOptions *opts,
                              GCancellable        *cancellable,
                              gboolean             may_slice,
                              GError             **error);

/* Reads the tree (the events from @slices if not NULL) into @l's dataset,
 * which it finishes, and frees the tree as soon as it is read. FALSE:
 * problems, cancelled, or json-glib refused a slice (*@retry_whole). */
static gboolean
read_tree (HlLoader      *l,
           JsonParser    *parser,
           HlEventSlices *slices,
           gboolean      *retry_whole,
           GError       **error)
{
  l->slices = slices;
  hl_loader_read_root (l, json_parser_get_root (parser));
  g_object_unref (parser);
  g_clear_pointer (&l->where, g_free);

  /* Had json-glib parsed the whole file, it would have refused it for a
   * syntax error in any slice, even one hl_loader_read_root() never got to. */
  if (slices != NULL && !g_cancellable_is_cancelled (l->cancellable))
    {
      hl_event_slices_parse (slices, NULL, NULL);
      if ((*retry_whole = slices->failed))
        return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (l->cancellable, error))
    return FALSE;
  if (l->problems->len > 0)
    return hl_loader_fail (l, error);

  hl_dataset_finish (l->dataset);
  pick_default_range (l->dataset);
  return TRUE;
}

/* Reads a dataset from @bytes with the default limits; @display_name
 * names it in messages. */
HlDataset *
hl_dataset_new_from_bytes (GBytes        *bytes,
                           const char    *display_name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return hl_dataset_new_from_bytes_full (bytes, display_name, NULL, cancellable, error);
}

/* @opts: (nullable): the limits, or NULL for the defaults */
HlDataset *
hl_dataset_new_from_bytes_full (GBytes              *bytes,
                                const char          *display_name,
                                const HlLoadOptions *opts,
                                GCancellable        *cancellable,
                                GError             **error)
{
  HlLoadOptions defaults;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, display_name, resolve_options (opts, &defaults), cancellable, TRUE,
                     error);
}

static void
loader_clear (HlLoader *l)
{
  g_clear_pointer (&l->event_starts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HlLoader, loader_clear)

/* @may_slice: FALSE to parse the file whole, the way that is always right
 * (see HlEventSlices). */
static HlDataset *
load_bytes (GBytes              *bytes,
            const char          *display_name,
            const HlLoadOptions *opts,
            GCancellable        *cancellable,
            gboolean             may_slice,
            GError             **error)
{
  g_autoptr(HlDataset) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HlEventSlices) slices = NULL;
  g_autofree char *head = NULL;
  g_autofree char *shown = NULL;
  g_auto(HlLoader) l = { 0 };
  const char *data;
  gsize len, head_len = 0;
  gboolean retry_whole = FALSE;

  g_assert (bytes != NULL && opts != NULL);

  if (display_name == NULL)
    display_name = _("(unnamed)");
  /* The name as messages quote it: a terminal takes them as they are. */
  shown = hl_escape_text (display_name, -1, HL_ESCAPE_NONE);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (len > opts->max_file_size)
    {
      g_autofree char *size = g_format_size_full (len, G_FORMAT_SIZE_IEC_UNITS);

      set_too_large (error, shown, size, opts->max_file_size);
      return NULL;
    }

  self = hl_dataset_new_empty (display_name);
  l.dataset = self;
  l.name = shown;
  l.problems = problems;
  l.cancellable = cancellable;
  l.event = -1;

  if (!check_bytes (&l, &data, &len, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  l.text = data;
  l.text_len = len;
  if (may_slice)
    slices = plan_slices (data, len, &head, &head_len);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, head ? head : data, (gssize) (head ? head_len : len),
                                   &parse_error))
    {
      /* Where and what: as json-glib says it of the whole file. */
      if (slices != NULL)
        return load_bytes (bytes, display_name, opts, cancellable, FALSE, error);
      set_parse_error (error, shown, parse_error->message);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!read_tree (&l, g_steal_pointer (&parser), slices, &retry_whole, error))
    return retry_whole ? load_bytes (bytes, display_name, opts, cancellable, FALSE, error) : NULL;
  return g_steal_pointer (&self);
}

/* An I/O failure as the user should read it; cancellation stays itself. */
static void
set_io_error (GError **error, const char *name, GError *local_error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (local_error));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                 _("%s: cannot read: the file does not exist (it may have been moved or "
                   "deleted)"), name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                 _("%s: is a folder, not a dataset file"), name);
  else
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO, _("%s: cannot read: %s"),
                 name, local_error->message);
}

/* Reads at most the size limit (plus one byte, to know it was passed),
 * whatever the file's size said: pipes and /proc files say 0, and a file
 * may grow or shrink while it is read. */
static GBytes *
read_capped (GInputStream *in,
             const char   *name,
             goffset       size_hint,
             gsize         cap,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize alloc, used = 0;
  char *buf;

  alloc = size_hint > 0 && (guint64) size_hint <= cap ? (gsize) size_hint + 1 : READ_CHUNK;
  alloc = MIN (alloc, cap + 1);
  buf = g_malloc (alloc);
  for (;;)
    {
      gssize n;

      if (used == alloc)
        {
          if (alloc > cap)
            {
              g_free (buf);
              set_too_large (error, name, NULL, cap);
              return NULL;
            }
          alloc = alloc > cap / 2 ? cap + 1 : alloc * 2;
          buf = g_realloc (buf, alloc);
        }
      n = g_input_stream_read (in, buf + used, alloc - used, cancellable,
                               &local_error);
      if (n < 0)
        {
          g_free (buf);
          set_io_error (error, name, local_error);
          return NULL;
        }
      if (n == 0)
        break;
      used += (gsize) n;
    }
  return g_bytes_new_take (g_realloc (buf, MAX (used, 1)), used);
}

/* How long a FIFO may stay without a writer before it is refused. */
#define FIFO_WAIT_MS 1000

/* Refuses folders, devices and sockets: none of them holds a dataset, and
 * /dev/zero and friends never end. A regular file or a pipe is read, with
 * the size cap. */
static gboolean
check_mode (guint32 mode, const char *name, GError **error)
{
  if (S_ISDIR (mode))
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                 _("%s: is a folder, not a dataset file"), name);
  else if (S_ISSOCK (mode))
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                 _("%s: is not a regular file (a socket), not a dataset file"), name);
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                 _("%s: is a device, not a dataset file"), name);
  else
    return TRUE;
  return FALSE;
}

static gboolean
check_size (guint64 size, const char *name, const HlLoadOptions *opts, GError **error)
{
  g_autofree char *text = NULL;

  if (size <= opts->max_file_size)
    return TRUE;
  text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  set_too_large (error, name, text, opts->max_file_size);
  return FALSE;
}

/* A system error on @name, said once: GIO's own messages repeat the path. */
static void
set_errno_error (GError **error, const char *name, int errsv)
{
  if (errsv == ENOENT)
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                 _("%s: cannot read: the file does not exist (it may have been moved or "
                   "deleted)"), name);
  else if (errsv == ENXIO)   /* what open() says of a socket */
    check_mode (S_IFSOCK, name, error);
  else
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO, _("%s: cannot read: %s"),
                 name, g_strerror (errsv));
}

/* A FIFO opened without blocking: waits a moment for a writer's first
 * bytes (or its end), then reads as usual. FALSE: nothing came. */
static gboolean
wait_for_writer (int fd, GCancellable *cancellable)
{
  GPollFD fds[2] = { { fd, G_IO_IN | G_IO_HUP, 0 } };
  guint n = 1;

  if (g_cancellable_make_pollfd (cancellable, &fds[1]))
    n = 2;
  g_poll (fds, n, FIFO_WAIT_MS);
  if (n == 2)
    g_cancellable_release_fd (cancellable);
  return fds[0].revents != 0 || g_cancellable_is_cancelled (cancellable);
}

/* Reads a local file, opened so that nothing can block: a FIFO that no
 * program writes to would keep open() waiting for ever. */
static GBytes *
read_native (const char          *path,
             const char          *name,
             const HlLoadOptions *opts,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GInputStream) in = NULL;
  struct stat st;
  int fd;

  if (stat (path, &st) != 0)
    {
      set_errno_error (error, name, errno);
      return NULL;
    }
  if (!check_mode (st.st_mode, name, error) ||
      (S_ISREG (st.st_mode) && !check_size (st.st_size, name, opts, error)))
    return NULL;
  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      set_errno_error (error, name, errno);
      return NULL;
    }
  in = g_unix_input_stream_new (fd, TRUE);
  /* It may have been replaced since: what counts is what was opened. */
  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, name, errno);
      return NULL;
    }
  if (!check_mode (st.st_mode, name, error))
    return NULL;
  if (S_ISFIFO (st.st_mode) && !wait_for_writer (fd, cancellable))
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                   _("%s: is not a regular file (a FIFO) and no program is writing to it"),
                   name);
      return NULL;
    }
  /* From here a pipe's reads wait for its writer, cancellably. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return read_capped (in, name, S_ISREG (st.st_mode) ? st.st_size : 0, opts->max_file_size,
                      cancellable, error);
}

/* Any other GFile (a URI), through GIO. */
static GBytes *
read_gfile (GFile               *file,
            const char          *name,
            const HlLoadOptions *opts,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_io_error (error, name, local_error);
      return NULL;
    }
  if (!check_mode (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY ? S_IFDIR :
                   g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE),
                   name, error) ||
      !check_size (g_file_info_get_size (info), name, opts, error))
    return NULL;
  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      set_io_error (error, name, local_error);
      return NULL;
    }
  return read_capped (G_INPUT_STREAM (in), name, g_file_info_get_size (info),
                      opts->max_file_size, cancellable, error);
}

/* Reads a dataset from @file with the default limits. */
HlDataset *
hl_dataset_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return hl_dataset_new_from_file_full (file, NULL, cancellable, error);
}

/* @opts: (nullable): the limits, or NULL for the defaults */
HlDataset *
hl_dataset_new_from_file_full (GFile               *file,
                               const HlLoadOptions *opts,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  HlLoadOptions defaults;
  HlDataset *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  opts = resolve_options (opts, &defaults);
  path = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);
  /* As messages quote it; the dataset keeps the name itself. */
  name = hl_escape_text (path, -1, HL_ESCAPE_NONE);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (g_file_is_native (file))
    bytes = read_native (path, name, opts, cancellable, error);
  else
    bytes = read_gfile (file, name, opts, cancellable, error);
  if (bytes == NULL)
    return NULL;

  self = load_bytes (bytes, path, opts, cancellable, TRUE, error);
  if (self != NULL)
    self->file = g_object_ref (file);
  return self;
}

/* What a load on a worker thread reads, and with which limits: a copy, so
 * the caller's options may go away at once. */
typedef struct
{
  GFile         *file;
  HlLoadOptions  opts;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->file);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  HlDataset *dataset = hl_dataset_new_from_file_full (job->file, &job->opts, cancellable,
                                                      &error);

  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/* Reads and validates @file on a worker thread with the default limits:
 * the caller keeps showing what it has until the new dataset is ready,
 * and may cancel. */
void
hl_dataset_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  hl_dataset_load_async_full (file, NULL, cancellable, callback, user_data);
}

/* @opts: (nullable): the limits, or NULL for the defaults; copied */
void
hl_dataset_load_async_full (GFile               *file,
                            const HlLoadOptions *opts,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  if (opts != NULL)
    job->opts = *opts;
  else
    hl_load_options_init (&job->opts);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_dataset_load_async_full);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

HlDataset *
hl_dataset_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

#define BUNDLED_PATH "/io/github/heistline/Heistline/data/heistline.json"

/* The dataset that ships with the app, compiled into the binary so it works
 * from the build directory and installed alike. It is validated by the
 * test suite, so failing here is a programming error. */
HlDataset *
hl_dataset_new_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HlDataset *self;

  /* Looked up through the resource itself, which also keeps the linker from
   * dropping it out of the static library. */
  bytes = g_resource_lookup_data (hl_data_get_resource (), BUNDLED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("bundled dataset missing: %s", error->message);
  /* Default limits, whatever the user's: the app's own file is trusted. */
  self = hl_dataset_new_from_bytes_full (bytes, "heistline.json", NULL, NULL, &error);
  if (self == NULL)
    g_error ("bundled dataset invalid: %s", error->message);
  return self;
}
