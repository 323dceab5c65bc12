#define G_LOG_DOMAIN "placements-sort-key"

#include "config.h"

#include <string.h>

#include "placements-sort-key.h"

char *
placements_sort_key_for_text (const char *text)
{
  g_autofree char *ascii = NULL;

  if (text == NULL)
    return g_strdup ("");
  /* "C" keeps the transliteration independent of the user's locale. */
  ascii = g_str_to_ascii (text, "C");
  return g_ascii_strdown (g_strstrip (ascii), -1);
}

/* Skips the lower-case words in front of a Dutch family name ("van den", "'t"). */
static const char *
skip_prefix (const char *family_name)
{
  const char *rest = family_name;

  while (*rest != '\0' && (g_unichar_islower (g_utf8_get_char (rest)) || *rest == '\''))
    {
      const char *space = strchr (rest, ' ');

      if (space == NULL)
        return family_name;
      rest = space + 1;
      while (*rest == ' ')
        rest++;
    }
  return *rest != '\0' ? rest : family_name;
}

char *
placements_sort_key_for_name (const char *family_name,
                              const char *given_name)
{
  g_autofree char *joined = NULL;

  if (family_name == NULL)
    family_name = "";
  joined = g_strconcat (skip_prefix (family_name), " ", given_name != NULL ? given_name : "",
                        NULL);
  return placements_sort_key_for_text (joined);
}
