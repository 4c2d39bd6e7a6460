export const PLUGIN_CATALOGUE = Symbol('PluginCatalogue');
/** The container plugins are built from (so they get settings and clients through their constructors). */
export const PLUGIN_CONTAINER = Symbol('PluginContainer');
