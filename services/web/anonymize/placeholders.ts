/**
 * The gateway's placeholders (`{{EMAIL_1}}`, `{{PERSON_2}}`), one pattern for every place the web service reads
 * them: renumbering a conversation, restoring a stream, marking them on a page (static/app.js has its copy: the
 * browser's script is not compiled from here). Group 1 is the tag, group 2 the number.
 */
export const placeholders = (): RegExp => /\{\{([A-Z][A-Z0-9_]*?)_(\d+)\}\}/g;
