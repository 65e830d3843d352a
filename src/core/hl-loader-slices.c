/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A large file's "events" array, cut into slices of whole elements that
 * worker threads parse while the loader reads the slices before them
 * (see HlEventSlices in hl-loader-private.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hl-loader-private.h"

/* One slice of the "events" array, parsed by a worker thread while the
 * loader reads the slices before it: json-glib's parsing is most of the
 * time a load takes, and it parses each slice on its own. */
typedef struct
{
  const char *data;
  gsize       begin;
  gsize       end;
  JsonParser *parser;   /* when done: the parsed slice, NULL if refused */
  gboolean    done;
  gboolean    drop;     /* read: free the tree (a third of json-glib's work) */
} SliceJob;

/* A worker frees the trees it built itself: GLib 2.74's slice allocator
 * serialises threads that free each other's nodes (measured: freeing on
 * the reading thread made a load 40% slower). */
typedef struct
{
  GThread     *thread;
  GAsyncQueue *jobs;    /* SliceJob, or the queue itself to stop */
  GMutex      *lock;
  GCond       *done;
} SliceWorker;

static gpointer
slice_worker (gpointer data)
{
  SliceWorker *w = data;
  gpointer item;

  while ((item = g_async_queue_pop (w->jobs)) != w->jobs)
    {
      SliceJob *job = item;
      g_autoptr(GString) text = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonNode *root;

      if (job->drop)
        {
          g_clear_object (&job->parser);
          continue;
        }

      text = g_string_sized_new (job->end - job->begin + 2);
      g_string_append_c (text, '[');
      g_string_append_len (text, job->data + job->begin, (gssize) (job->end - job->begin));
      g_string_append_c (text, ']');
      /* Not immutable: sealing hashes every node, of a tree soon dropped. */
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, text->str, (gssize) text->len, NULL) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
        g_clear_object (&parser);

      g_mutex_lock (w->lock);
      job->parser = g_steal_pointer (&parser);
      job->done = TRUE;
      g_cond_broadcast (w->done);
      g_mutex_unlock (w->lock);
    }
  return NULL;
}

/* One core stays with the reading thread, which reads while the workers
 * parse. Parsing threads contend in GLib's allocator (two parse only ~1.4x
 * as fast as one), so more than two would add little. */
#define MAX_WORKERS 2
/* Slices queued ahead per worker: enough to keep it busy; more would only
 * hold memory. */
#define SLICES_AHEAD 3

typedef struct
{
  SliceWorker workers[MAX_WORKERS];
  guint       n_workers;
  GMutex      lock;
  GCond       done;
} SlicePool;

static void
slice_pool_start (SlicePool *pool)
{
  pool->n_workers = CLAMP (g_get_num_processors () - 1, 1, MAX_WORKERS);
  g_mutex_init (&pool->lock);
  g_cond_init (&pool->done);
  for (guint w = 0; w < pool->n_workers; w++)
    {
      pool->workers[w].jobs = g_async_queue_new ();
      pool->workers[w].lock = &pool->lock;
      pool->workers[w].done = &pool->done;
      pool->workers[w].thread = g_thread_new ("heistline-load", slice_worker,
                                              &pool->workers[w]);
    }
}

/* Job @k always goes to the same worker: the one that parsed a tree frees it. */
static void
slice_pool_push (SlicePool *pool, SliceJob *jobs, guint k)
{
  g_async_queue_push (pool->workers[k % pool->n_workers].jobs, &jobs[k]);
}

/* Waits for @job and takes its tree (NULL if json-glib refused the slice). */
static JsonParser *
slice_pool_wait (SlicePool *pool, SliceJob *job)
{
  JsonParser *parser;

  g_mutex_lock (&pool->lock);
  while (!job->done)
    g_cond_wait (&pool->done, &pool->lock);
  parser = g_steal_pointer (&job->parser);
  g_mutex_unlock (&pool->lock);
  return parser;
}

/* Lets the workers finish what they were given, then stops them. */
static void
slice_pool_stop (SlicePool *pool)
{
  for (guint w = 0; w < pool->n_workers; w++)
    {
      g_async_queue_push (pool->workers[w].jobs, pool->workers[w].jobs);
      g_thread_join (pool->workers[w].thread);
      g_async_queue_unref (pool->workers[w].jobs);
    }
  g_cond_clear (&pool->done);
  g_mutex_clear (&pool->lock);
}

static SliceJob *
slice_jobs_new (HlEventSlices *es, guint n_slices)
{
  SliceJob *jobs = g_new0 (SliceJob, n_slices);

  for (guint k = es->n_slices_parsed; k < n_slices; k++)
    {
      jobs[k].data = es->data;
      jobs[k].begin = k == 0 ? es->open + 1 : g_array_index (es->cuts, gsize, k - 1) + 1;
      jobs[k].end = k < es->cuts->len ? g_array_index (es->cuts, gsize, k) : es->close;
    }
  return jobs;
}

/* Parses each slice of the "events" array on its own and, with @l, reads
 * its events in order (without @l, or once reading stopped, it only checks
 * that json-glib accepts the rest, as it would have had it parsed the
 * whole file). Sets es->failed if json-glib refuses a slice. */
void
hl_event_slices_parse (HlEventSlices *es, HlLoader *l, GHashTable *ids)
{
  guint n_slices = es->cuts->len + 1, first = es->n_slices_parsed, next = first;
  gboolean reading = l != NULL;
  SlicePool pool;
  SliceJob *jobs;
  guint index = 0;

  if (first >= n_slices)
    return;
  jobs = slice_jobs_new (es, n_slices);
  slice_pool_start (&pool);

  for (guint k = first; k < n_slices; k++)
    {
      JsonParser *parser;
      JsonArray *array;

      for (; next < n_slices && next < k + SLICES_AHEAD * pool.n_workers; next++)
        slice_pool_push (&pool, jobs, next);
      if ((parser = slice_pool_wait (&pool, &jobs[k])) == NULL)
        {
          es->failed = TRUE;
          break;
        }
      array = json_node_get_array (json_parser_get_root (parser));
      es->n_parsed += json_array_get_length (array);
      es->n_slices_parsed = k + 1;
      if (reading && !hl_loader_read_event_array (l, array, &index, ids))
        reading = FALSE;
      /* Back to the thread that built it, to free while this one reads on. */
      jobs[k].parser = parser;
      jobs[k].drop = TRUE;
      slice_pool_push (&pool, jobs, k);
      if (l != NULL && g_cancellable_is_cancelled (l->cancellable))
        break;
    }

  slice_pool_stop (&pool);
  for (guint k = first; k < n_slices; k++)
    g_clear_object (&jobs[k].parser);
  g_free (jobs);

  if (es->n_slices_parsed == n_slices && es->n_parsed != es->n_elements)
    es->failed = TRUE;
}

void
hl_event_slices_free (HlEventSlices *es)
{
  g_array_unref (es->cuts);
  g_free (es);
}

/* One pass over the bytes, to find the root object's "events" array and
 * cut it into slices of whole elements. Anything unexpected (a root that
 * is not an object, two "events", an escaped member name, a character
 * that has no place in JSON outside a string) returns NULL, and the file
 * is parsed whole, as a small one is: slicing never changes what is read,
 * only the memory it takes. */
/* Where hl_event_slices_plan() is in its one pass over the bytes. */
typedef struct
{
  const char    *data;
  gsize          len;
  HlEventSlices *es;
  const char    *key;          /* the root's member name last read */
  gsize          key_len;
  gsize          slice_start;  /* where the slice being measured starts */
  guint          depth;
  guint          n_commas;     /* between the elements of "events" */
  gboolean       expect_key;
  gboolean       in_events;
  gboolean       found;
  gboolean       any_element;
  GArray        *starts;       /* non-NULL: gsize, where each element begins */
  gboolean       want_start;   /* the next element of "events" begins here */
} SliceScan;

typedef enum
{
  SCAN_ON,
  SCAN_DONE,      /* the root object closed, with nothing after it */
  SCAN_GIVE_UP,   /* unexpected: parse the file whole */
} ScanStep;

/* From the opening quote at *@i to the closing one: one not escaped by an
 * odd number of backslashes. memchr() makes long texts cheap. */
static ScanStep
scan_string (SliceScan *s, gsize *i)
{
  gsize start = *i + 1, end = start;

  for (;;)
    {
      const char *q = memchr (s->data + end, '"', s->len - end);
      gsize b = 0;

      if (q == NULL)
        return SCAN_GIVE_UP;
      end = q - s->data;
      while (end - b > start && s->data[end - b - 1] == '\\')
        b++;
      if (b % 2 == 0)
        break;
      end++;
    }
  if (s->depth == 1 && s->expect_key)
    {
      s->key = s->data + start;
      s->key_len = end - start;
      if (memchr (s->key, '\\', s->key_len) != NULL)
        return SCAN_GIVE_UP;
      s->expect_key = FALSE;
    }
  if (s->in_events && s->depth == 2)
    s->any_element = TRUE;
  *i = end;
  return SCAN_ON;
}

static gboolean
key_is_events (SliceScan *s)
{
  return s->key != NULL && s->key_len == strlen ("events") &&
         memcmp (s->key, "events", s->key_len) == 0;
}

static ScanStep
scan_open (SliceScan *s, gsize i, char c)
{
  if (s->in_events && s->depth == 2)
    s->any_element = TRUE;
  s->depth++;
  if (s->depth == 1)
    s->expect_key = TRUE;
  else if (s->depth == 2 && c == '[' && key_is_events (s))
    {
      if (s->found)
        return SCAN_GIVE_UP;
      s->found = s->in_events = TRUE;
      s->want_start = TRUE;
      s->es->open = i;
      s->slice_start = i;
    }
  return SCAN_ON;
}

static ScanStep
scan_close (SliceScan *s, gsize i, char c)
{
  if (s->depth == 0)
    return SCAN_GIVE_UP;
  if (s->in_events && s->depth == 2)
    {
      if (c != ']')
        return SCAN_GIVE_UP;
      s->es->close = i;
      s->in_events = FALSE;
    }
  if (--s->depth > 0)
    return SCAN_ON;
  /* Nothing but white space may follow the root. */
  for (i++; i < s->len; i++)
    if (!g_ascii_isspace (s->data[i]))
      return SCAN_GIVE_UP;
  return SCAN_DONE;
}

static void
scan_comma (SliceScan *s, gsize i)
{
  if (s->depth == 1)
    s->expect_key = TRUE;
  else if (s->in_events && s->depth == 2)
    {
      s->n_commas++;
      s->want_start = TRUE;
      if (i - s->slice_start >= HL_SLICE_BYTES)
        {
          g_array_append_val (s->es->cuts, i);
          s->slice_start = i;
        }
    }
}

static ScanStep
scan_char (SliceScan *s, gsize *i)
{
  char c = s->data[*i];

  if (s->want_start && s->in_events && s->depth == 2 && !g_ascii_isspace (c) && c != ']')
    {
      if (s->starts != NULL)
        g_array_append_val (s->starts, *i);
      s->want_start = FALSE;
    }
  switch (c)
    {
    case ' ': case '\t': case '\n': case '\r': case ':':
      return SCAN_ON;
    case '"':
      return scan_string (s, i);
    case '{': case '[':
      return scan_open (s, *i, c);
    case '}': case ']':
      return scan_close (s, *i, c);
    case ',':
      scan_comma (s, *i);
      return SCAN_ON;
    default:
      if (!strchr ("0123456789-+.eEtrufalsn", c))
        return SCAN_GIVE_UP;
      if (s->in_events && s->depth == 2)
        s->any_element = TRUE;
      return SCAN_ON;
    }
}

static HlEventSlices *
plan (const char *data, gsize len, GArray *starts)
{
  g_autoptr(HlEventSlices) es = g_new0 (HlEventSlices, 1);
  SliceScan s = { data, len, es };
  ScanStep step = SCAN_ON;
  gsize i = 0;

  s.starts = starts;
  es->data = data;
  es->cuts = g_array_new (FALSE, FALSE, sizeof (gsize));

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i == len || data[i] != '{')
    return NULL;

  for (; i < len && step == SCAN_ON; i++)
    step = scan_char (&s, &i);
  /* Not done: the root object never closed. */
  if (step != SCAN_DONE || !s.found)
    return NULL;
  es->n_elements = s.any_element ? s.n_commas + 1 : 0;
  return g_steal_pointer (&es);
}

HlEventSlices *
hl_event_slices_plan (const char *data, gsize len)
{
  return plan (data, len, NULL);
}

/* Where each element of the root's "events" array begins in @data (gsize
 * offsets), for messages that name a line; NULL where the plan gives up. */
GArray *
hl_event_element_starts (const char *data, gsize len)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(HlEventSlices) es = plan (data, len, starts);

  return es != NULL ? g_steal_pointer (&starts) : NULL;
}
