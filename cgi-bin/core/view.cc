// view.cc: the only C++ in wuye, a thin shim over ctemplate with a C API (view.h).
// Every entry point catches every exception: none may unwind into C code.
#include "view.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>

#include <cstdio>
#include <new>
#include <string>

using ctemplate::TemplateDictionary;

static bool reload_templates = false;

static TemplateDictionary *dict(view *v) {
    return reinterpret_cast<TemplateDictionary *>(v);
}

extern "C" int view_init(const char *root, bool reload) {
    try {
        reload_templates = reload;
        if (!ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root))
            return -1;
        return 0;
    } catch (...) {
        return -1;
    }
}

extern "C" view *view_new(void) {
    try {
        return reinterpret_cast<view *>(new TemplateDictionary("root"));
    } catch (...) {
        return nullptr;
    }
}

extern "C" void view_set(view *v, const char *key, const char *value) {
    if (!v || !key)
        return;
    try {
        dict(v)->SetValue(key, value ? value : "");
    } catch (...) {
    }
}

extern "C" void view_set_int(view *v, const char *key, long long value) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld", value);
    view_set(v, key, text);
}

extern "C" void view_show(view *v, const char *section) {
    if (!v || !section)
        return;
    try {
        dict(v)->ShowSection(section);
    } catch (...) {
    }
}

extern "C" view *view_add(view *v, const char *section) {
    if (!v || !section)
        return nullptr;
    try {
        return reinterpret_cast<view *>(dict(v)->AddSectionDictionary(section));
    } catch (...) {
        return nullptr;
    }
}

extern "C" view *view_include(view *v, const char *name, const char *file) {
    if (!v || !name || !file)
        return nullptr;
    try {
        TemplateDictionary *child = dict(v)->AddIncludeDictionary(name);
        child->SetFilename(file);
        return reinterpret_cast<view *>(child);
    } catch (...) {
        return nullptr;
    }
}

extern "C" int view_expand(const char *file, view *v, buf *out) {
    if (!file || !v || !out)
        return -1;
    try {
        if (reload_templates)
            ctemplate::mutable_default_template_cache()->ReloadAllIfChanged(
                ctemplate::TemplateCache::IMMEDIATE_RELOAD);
        std::string text;
        if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES, dict(v), &text))
            return -1;
        return buf_append(out, text.data(), text.size());
    } catch (...) {
        return -1;
    }
}

extern "C" void view_free(view *v) {
    try {
        delete dict(v);
    } catch (...) {
    }
}
