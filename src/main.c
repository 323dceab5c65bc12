#define G_LOG_DOMAIN "placements"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "placements-application.h"
#include "placements-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlacementsApplication) app = NULL;
  const char *localedir;

  placements_core_init ();

  /* An uninstalled build (meson devenv) finds its message catalogues in the build directory;
   * an installed one in LOCALEDIR. */
  localedir = g_getenv ("PLACEMENTS_LOCALEDIR");
  if (localedir == NULL)
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = placements_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
