/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes charts to files through the one renderer. Every export goes to a
 * temporary file beside the target and is renamed over it only when
 * complete (HlAtomicFile): a failure leaves no partial file and the old
 * one untouched. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <png.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-chart.h"
#include "hl-date.h"
#include "hl-export.h"

gboolean
hl_export_format_from_path (const char *path, HlExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = HL_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = HL_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = HL_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

const char *
hl_export_format_get_extension (HlExportFormat format)
{
  switch (format)
    {
    case HL_EXPORT_SVG:
      return "svg";
    case HL_EXPORT_PDF:
      return "pdf";
    case HL_EXPORT_PNG:
    default:
      return "png";
    }
}

/* Sizes in layout pixels; PDF takes them as points, so "a4" is an A4
 * landscape page (297 x 210 mm). */
static const HlExportPreset presets[] = {
  { "slide-16x9", 1920, 1080 },
  { "hd", 1280, 720 },
  { "4k", 3840, 2160 },
  { "slide-4x3", 1024, 768 },
  { "a4", 842, 595 },
};

const HlExportPreset *
hl_export_get_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

const HlExportPreset *
hl_export_find_preset (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (id, presets[i].id))
      return &presets[i];
  return NULL;
}

/* "heistline-2023-07-01-2024-01-31.png": the first and last day shown. */
char *
hl_export_suggest_basename (const HlView *view, HlExportFormat format)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (view != NULL, NULL);

  from = hl_date_format_iso (view->from);
  to = hl_date_format_iso (view->to > view->from ? view->to - 1 : view->to);
  return g_strdup_printf ("heistline-%s-%s.%s", from, to, hl_export_format_get_extension (format));
}

/* Enough for any of libpng's messages ("Image width exceeds user limit"). */
#define PNG_MESSAGE_SIZE 128

/* Where an export's bytes go. The first write error sticks: cairo 1.16
 * drops errors from the stream while finishing a PDF or SVG surface, so
 * the sink, not the surface, says whether the file is whole. */
typedef struct
{
  int            fd;
  GCancellable  *cancellable;  /* a Cancel stops the writing */
  cairo_status_t status;
  int            saved_errno;
  char           png_message[PNG_MESSAGE_SIZE]; /* libpng's first error, if any */
} Sink;

static cairo_status_t
sink_write (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  if (sink->status != CAIRO_STATUS_SUCCESS)
    return sink->status;
  if (g_cancellable_is_cancelled (sink->cancellable))
    return sink->status = CAIRO_STATUS_WRITE_ERROR;
  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          sink->status = CAIRO_STATUS_WRITE_ERROR;
          return sink->status;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* PNG through libpng rather than cairo_surface_write_to_png_stream(),
 * whose zlib level 6 with adaptive filters takes about 55 ms at 1080p and
 * 210 ms at 4K. Level 2 with the "up" filter is three to four times
 * faster and makes files about a quarter larger: a chart is mostly flat
 * colour, so they stay small. Same pixels: 8-bit RGBA, not
 * premultiplied, as cairo writes them. */
#define PNG_ZLIB_LEVEL 2

static void
png_sink_write (png_structp png, png_bytep data, png_size_t length)
{
  Sink *sink = png_get_io_ptr (png);

  while (length > 0)
    {
      unsigned int n = (unsigned int) MIN (length, G_MAXUINT);

      if (sink_write (sink, data, n) != CAIRO_STATUS_SUCCESS)
        png_error (png, "write error");
      data += n;
      length -= n;
    }
}

static void
png_sink_flush (png_structp png)
{
}

/* libpng's default handlers print "libpng error: ..." on stderr: keep the
 * message for the GError instead, and leave through the setjmp() point. */
static void
png_on_error (png_structp png, png_const_charp message)
{
  Sink *sink = png_get_error_ptr (png);

  if (sink->png_message[0] == '\0')
    g_strlcpy (sink->png_message, message, sizeof sink->png_message);
  png_longjmp (png, 1);
}

/* Warnings do not stop the write and say nothing a person can act on. */
static void
png_on_warning (png_structp png, png_const_charp message)
{
}

static cairo_status_t
write_png (cairo_surface_t *surface, Sink *sink)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const unsigned char *pixels;
  /* Not changed after setjmp(), so still valid after a longjmp() to it. */
  g_autofree guchar *row = g_malloc ((gsize) width * 4);
  png_structp png;
  png_infop info;

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, sink, png_on_error, png_on_warning);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      return sink->status != CAIRO_STATUS_SUCCESS ? sink->status : CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, sink, png_sink_write, png_sink_flush);
  png_set_compression_level (png, PNG_ZLIB_LEVEL);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (gconstpointer) (pixels + (gsize) y * stride);
      guchar *dst = row;

      for (int x = 0; x < width; x++, dst += 4)
        {
          guint32 p = src[x];
          guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          /* Cairo stores colour multiplied by alpha; PNG wants it straight. */
          if (a == 0)
            r = g = b = 0;
          else if (a != 0xff)
            {
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
          dst[0] = (guchar) r;
          dst[1] = (guchar) g;
          dst[2] = (guchar) b;
          dst[3] = (guchar) a;
        }
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
draw_to_stream (HlExportDrawFunc draw, gpointer user_data, HlExportFormat format,
                int width, int height, int scale, Sink *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case HL_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
      /* Pixels, not Cairo's default points: a 1920x1080 drawing opens at
       * 1920x1080 in a browser or a slide editor, not 4/3 of it. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case HL_EXPORT_PDF:
      /* Points, one per pixel of the layout: a 1920x1080 chart is a
       * 26.7 x 15 inch page that scales without loss. */
      surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
      break;
    case HL_EXPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      break;
    }

  cr = cairo_create (surface);
  if (format == HL_EXPORT_PNG && scale != 1)
    cairo_scale (cr, scale, scale);
  draw (cr, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == HL_EXPORT_PNG)
    status = write_png (surface, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = sink->status;
  cairo_surface_destroy (surface);
  return status;
}

#define MEGAPIXEL 1000000 /* pixels */

/* Renders @view of @dataset at @width x @height (PNG: times @scale pixels)
 * into @path, atomically (see hl-atomic-file.c: links written through,
 * mode and owner kept, a read-only file refused). */
gboolean
hl_export_to_file (HlDataset      *dataset,
                   const HlView   *view,
                   HlExportFormat  format,
                   int             width,
                   int             height,
                   int             scale,
                   const char     *path,
                   GError        **error)
{
  return hl_export_to_file_full (dataset, view, format, width, height, scale, path,
                                 HL_ATOMIC_FILE_FLAGS_NONE, NULL, error);
}

static void
draw_chart (cairo_t *cr, gpointer chart)
{
  hl_chart_draw (chart, cr);
}

/* The same; @flags has %HL_ATOMIC_FILE_FLAGS_FORCE to replace a read-only
 * file (the command line's --force); cancelling @cancellable (from another
 * thread) stops the writing and commits nothing. */
gboolean
hl_export_to_file_full (HlDataset          *dataset,
                        const HlView       *view,
                        HlExportFormat      format,
                        int                 width,
                        int                 height,
                        int                 scale,
                        const char         *path,
                        HlAtomicFileFlags   flags,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(HlChart) chart = NULL;

  g_return_val_if_fail (HL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale >= 1, FALSE);

  chart = hl_chart_new (dataset, view, width, height);
  return hl_export_draw_to_file (format, width, height, scale, path, flags, cancellable,
                                 draw_chart, chart, error);
}

/* Whatever @draw draws on a @width x @height canvas, written to @path as
 * the chart is: the same surfaces, limits, PNG encoder and atomic file
 * (the analysis chart uses it too). */
gboolean
hl_export_draw_to_file (HlExportFormat      format,
                        int                 width,
                        int                 height,
                        int                 scale,
                        const char         *path,
                        HlAtomicFileFlags   flags,
                        GCancellable       *cancellable,
                        HlExportDrawFunc    draw,
                        gpointer            user_data,
                        GError            **error)
{
  g_autoptr(HlAtomicFile) file = NULL;
  Sink sink = { -1, cancellable, CAIRO_STATUS_SUCCESS, 0 };
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale >= 1, FALSE);

  if (format == HL_EXPORT_PNG && ((gint64) width * scale > HL_EXPORT_MAX_PIXELS ||
                                  (gint64) height * scale > HL_EXPORT_MAX_PIXELS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("Cannot write “%s”: an image of %d × %d pixels is too large "
                     "(at most %d on a side)"),
                   path, width * scale, height * scale, HL_EXPORT_MAX_PIXELS);
      return FALSE;
    }
  if (format == HL_EXPORT_PNG &&
      (gint64) width * scale * height * scale > (gint64) HL_EXPORT_MAX_MEGAPIXELS * MEGAPIXEL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("Cannot write “%s”: an image of %d × %d pixels is too large "
                     "(at most %d megapixels)"),
                   path, width * scale, height * scale, HL_EXPORT_MAX_MEGAPIXELS);
      return FALSE;
    }

  file = hl_atomic_file_open (path, flags, error);
  if (file == NULL)
    return FALSE;

  sink.fd = hl_atomic_file_get_fd (file);
  status = draw_to_stream (draw, user_data, format, width, height, scale, &sink);

  /* Cancelled while drawing, or after: nothing is committed, and freeing
   * @file removes the temporary. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (status == CAIRO_STATUS_WRITE_ERROR && sink.saved_errno != 0)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (sink.saved_errno),
                     _("Cannot write “%s”: %s"), path, g_strerror (sink.saved_errno));
      else if (sink.png_message[0] != '\0')
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("Cannot write “%s”: the PNG encoder failed (%s)"), path,
                     sink.png_message);
      else
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE; /* freeing @file removes the temporary */
    }
  return hl_atomic_file_commit (file, error);
}
