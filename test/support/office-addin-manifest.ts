// office-addin-mock needs only the host names from office-addin-manifest, whose ESM dependencies jest cannot load:
// jest.config.js maps the package to this file.

export const OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
