// Parse GIFT files with the independent gift-pegjs parser: stdin is a JSON list of file texts,
// stdout a JSON list with, for each, the parsed questions or the parser's error message.
const { parse } = require("gift-pegjs");
const sources = JSON.parse(require("fs").readFileSync(0, "utf8"));
const results = sources.map((source) => {
  try {
    return { questions: parse(source) };
  } catch (error) {
    return { error: `${error.message} (line ${error.location ? error.location.start.line : "?"})` };
  }
});
process.stdout.write(JSON.stringify(results));
