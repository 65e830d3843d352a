/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes charts to files through the one renderer. Every export goes to a
 * temporary file beside the target and is renamed over it only when
 * complete: a failure leaves no partial file and the old one untouched. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "hl-chart.h"
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

static cairo_status_t
write_to_fd (void *closure, const unsigned char *data, unsigned int length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
draw_to_stream (HlChart *chart, HlExportFormat format, int width, int height, int scale, int fd)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case HL_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_fd, GINT_TO_POINTER (fd),
                                                     width, height);
      break;
    case HL_EXPORT_PDF:
      /* Points, one per pixel of the layout: a 1920x1080 chart is a
       * 26.7 x 15 inch page that scales without loss. */
      surface = cairo_pdf_surface_create_for_stream (write_to_fd, GINT_TO_POINTER (fd),
                                                     width, height);
      break;
    case HL_EXPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      break;
    }

  cr = cairo_create (surface);
  if (format == HL_EXPORT_PNG && scale != 1)
    cairo_scale (cr, scale, scale);
  hl_chart_draw (chart, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == HL_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_fd, GINT_TO_POINTER (fd));
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* Renders @view of @dataset at @width x @height (PNG: times @scale pixels)
 * into @path, atomically. */
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
  g_autoptr(HlChart) chart = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  cairo_status_t status;
  int fd, saved_errno;

  g_return_val_if_fail (HL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale >= 1, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  chart = hl_chart_new (dataset, view, width, height);
  status = draw_to_stream (chart, format, width, height, scale, fd);

  if (status == CAIRO_STATUS_SUCCESS && fsync (fd) != 0)
    status = CAIRO_STATUS_WRITE_ERROR;
  saved_errno = errno;
  if (close (fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmpl);
      if (status == CAIRO_STATUS_WRITE_ERROR && saved_errno != 0)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      else
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  /* mkstemp makes the file 0600 on some systems: give it the usual mode. */
  {
    mode_t mask = umask (0);

    umask (mask);
    g_chmod (tmpl, 0666 & ~mask);
  }

  if (g_rename (tmpl, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmpl);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
