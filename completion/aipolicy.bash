# aipolicy.bash: bash completion for aipolicy(1).
#
# Completes commands, each command's options and their values, policy files
# (*.yaml, *.yml) and decision logs (*.jsonl), for --lang the languages of
# the translations beside the policy on the line (NAME.LANG.yaml beside
# NAME.yaml, and C for the policy's own), and for
# `aipolicy check POLICY` the policy's question ids (as `id=`) and, after
# `id=`, that question's answers, quoted as the shell needs them.
#
# Nothing is listed here by hand: commands and options come from
# `aipolicy --help` and `aipolicy COMMAND --help`, ids and answers from
# `aipolicy check --list-answers POLICY`, run by the aipolicy named on the
# line. Install as share/bash-completion/completions/aipolicy, or source
# this file from ~/.bashrc.

# _aipolicy_run ARGS...: the aipolicy being completed, run with ARGS;
# its errors are not shown.
_aipolicy_run()
{
	local bin=${COMP_WORDS[0]}

	[[ $bin == \~/* ]] && bin=$HOME/${bin#\~/}
	"$bin" "$@" 2>/dev/null </dev/null
}

# _aipolicy_dequote WORD: WORD as the shell will pass it (its quotes and
# backslashes removed; an open quote is taken as closed at the end), in
# _aipolicy_word.
_aipolicy_dequote()
{
	local w=$1 out='' i c q=''

	for ((i = 0; i < ${#w}; i++)); do
		c=${w:i:1}
		if [[ $q == "'" ]]; then
			if [[ $c == "'" ]]; then q=; else out+=$c; fi
		elif [[ $q == '"' ]]; then
			if [[ $c == '"' ]]; then
				q=
			elif [[ $c == \\ && ${w:i+1:1} == [\$\`\"\\] ]]; then
				((i++))
				out+=${w:i:1}
			else
				out+=$c
			fi
		elif [[ $c == [\'\"] ]]; then
			q=$c
		elif [[ $c == \\ ]]; then
			((i++))
			out+=${w:i:1}
		else
			out+=$c
		fi
	done
	[[ $out == \~/* ]] && out=$HOME/${out#\~/}
	_aipolicy_word=$out
}

# _aipolicy_quote QUOTE TEXT: TEXT as it may be typed after an open QUOTE
# (' or "), or outside quotes when QUOTE is empty, in _aipolicy_word.
_aipolicy_quote()
{
	local q=$1 w=$2 out='' i c

	for ((i = 0; i < ${#w}; i++)); do
		c=${w:i:1}
		case $q in
		"'") ;;
		'"') [[ $c == [\$\`\"\\] ]] && out+=\\ ;;
		*) [[ $c == [^A-Za-z0-9_./,:=@%+-] && $c == [[:ascii:]] ]] &&
		    out+=\\ ;;
		esac
		out+=$c
	done
	_aipolicy_word=$out
}

# _aipolicy_words: COMP_WORDS up to the cursor in _aipolicy_w, with the
# words bash split at '=' or ':' joined again (`data=no` is one word).
_aipolicy_words()
{
	local i w join=0

	_aipolicy_w=()
	for ((i = 0; i <= COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if ((i > 1)) && { ((join)) || [[ $w == [=:] ]]; }; then
			_aipolicy_w[${#_aipolicy_w[@]} - 1]+=$w
		else
			_aipolicy_w+=("$w")
		fi
		join=0
		[[ $w == [=:] ]] && join=1
	done
}

# _aipolicy_reply CUR CANDIDATE...: COMPREPLY from the CANDIDATEs (whole
# words, unquoted) that begin with CUR (the word as typed, quotes and
# backslashes included) once unquoted, ignoring ASCII case. Each is cut to
# the part readline replaces (after an open quote, or else after the last
# '=' or ':' that COMP_WORDBREAKS splits at) and quoted as typed there.
_aipolicy_reply()
{
	local cur=$1 pre q='' c rcur rpre breaks=''
	shift

	COMPREPLY=()
	[[ $COMP_WORDBREAKS == *=* ]] && breaks+="="
	[[ $COMP_WORDBREAKS == *:* ]] && breaks+=":"
	if [[ $cur == *[\'\"]* ]]; then
		pre=${cur%%[\'\"]*}
		q=${cur:${#pre}:1}
	elif [[ -n $breaks && $cur == *["$breaks"]* ]]; then
		pre=${cur%"${cur##*["$breaks"]}"}
	else
		pre=
	fi
	_aipolicy_dequote "$pre"
	rpre=$_aipolicy_word
	_aipolicy_dequote "$cur"
	rcur=$_aipolicy_word
	for c in "$@"; do
		_aipolicy_prefix "$rcur" "$c" || continue
		_aipolicy_quote "$q" "${c:${#rpre}}"
		COMPREPLY+=("$_aipolicy_word")
	done
}

# _aipolicy_prefix PREFIX WORD: true when WORD begins with PREFIX, ignoring
# ASCII case.
_aipolicy_prefix()
{
	local p=${1,,} w=${2,,}

	[[ ${w:0:${#p}} == "$p" ]]
}

# _aipolicy_files CUR PATTERN...: COMPREPLY with the folders and the files
# matching one of the PATTERNs (globs) that begin with CUR.
_aipolicy_files()
{
	local cur f pat IFS=$'\n'

	_aipolicy_dequote "$1"
	cur=$_aipolicy_word
	shift
	COMPREPLY=()
	compopt -o filenames 2>/dev/null
	for f in $(compgen -f -- "$cur"); do
		if [[ -d $f ]]; then
			COMPREPLY+=("$f")
			continue
		fi
		for pat in "$@"; do
			# shellcheck disable=SC2053
			[[ $f == $pat ]] && COMPREPLY+=("$f") && break
		done
	done
}

# _aipolicy_policies CUR [TRANSLATIONS]: _aipolicy_files for policies,
# leaving out translations (NAME.LANG.yaml beside NAME.yaml) unless
# TRANSLATIONS is given (lint takes them too).
_aipolicy_policies()
{
	local f keep=()

	_aipolicy_files "$1" '*.yaml' '*.yml'
	[[ -n ${2-} ]] && return
	for f in "${COMPREPLY[@]}"; do
		case $f in
		*.*.yaml) [[ -f ${f%.*.yaml}.yaml ]] && continue ;;
		*.*.yml) [[ -f ${f%.*.yml}.yml ]] && continue ;;
		esac
		keep+=("$f")
	done
	COMPREPLY=("${keep[@]}")
}

# _aipolicy_commands: the commands that `aipolicy --help` lists.
_aipolicy_commands()
{
	local line re='^[[:space:]]+aipolicy ([a-z][a-z-]*)'

	while IFS= read -r line; do
		[[ $line =~ $re ]] && printf '%s\n' "${BASH_REMATCH[1]}"
	done < <(_aipolicy_run --help) | sort -u
}

# _aipolicy_options CMD: the long options of CMD (from `aipolicy CMD
# --help`) in _aipolicy_opts, those that take a value in _aipolicy_args
# (option -> the value's name in the help: FILE, FORMAT, ...), and the
# values of --format from its synopsis in _aipolicy_formats.
_aipolicy_options()
{
	local line re='(^|[ ,])(--[a-z][a-z-]*)( ([A-Z]+))?'
	local fre='--format ([a-z|]+)'

	_aipolicy_opts=()
	_aipolicy_args=()
	_aipolicy_formats=
	while IFS= read -r line; do
		[[ $line =~ $fre ]] && _aipolicy_formats=${BASH_REMATCH[1]//|/ }
		[[ $line == usage:* || $line == "      "* ]] && continue
		if [[ $line =~ $re ]]; then
			_aipolicy_opts+=("${BASH_REMATCH[2]}")
			[[ -n ${BASH_REMATCH[4]} ]] &&
			    _aipolicy_args+=("${BASH_REMATCH[2]}=${BASH_REMATCH[4]}")
		fi
	done < <(_aipolicy_run "$1" --help)
}

# _aipolicy_arg_of OPTION: the name of OPTION's value (FILE, ...) in
# _aipolicy_arg, or false when it takes none. -o is --output.
_aipolicy_arg_of()
{
	local a opt=$1

	[[ $opt == -o ]] && opt=--output
	for a in "${_aipolicy_args[@]}"; do
		if [[ ${a%%=*} == "$opt" ]]; then
			_aipolicy_arg=${a#*=}
			return 0
		fi
	done
	return 1
}

# _aipolicy_langs: the languages a policy on the line (any word after the
# command ending in .yaml or .yml, before or after the cursor) has
# translations into, by the names of the files beside it, and C.
_aipolicy_langs()
{
	local i w f ext name

	echo C
	for ((i = 2; i < ${#COMP_WORDS[@]}; i++)); do
		_aipolicy_dequote "${COMP_WORDS[i]}"
		w=$_aipolicy_word
		case $w in -*|'') continue ;; *.yaml) ext=yaml ;; *.yml) ext=yml ;;
		*) continue ;; esac
		[[ -f $w ]] || continue
		name=${w%."$ext"}
		for f in "$name".*."$ext"; do
			[[ -f $f ]] || continue
			f=${f#"$name".}
			f=${f%."$ext"}
			[[ $f == [A-Za-z][A-Za-z]* && $f != *.* ]] && echo "$f"
		done
		return
	done
}

# _aipolicy_value NAME CUR [OPTION]: complete CUR, the value of an option
# whose value the help calls NAME; with OPTION, CUR is `OPTION=value`.
_aipolicy_value()
{
	local pre=${3:+$3=} f formats=()

	read -ra formats <<<"$_aipolicy_formats"
	case $1 in
	FORMAT)
		for f in "${!formats[@]}"; do
			formats[f]=$pre${formats[f]}
		done
		_aipolicy_reply "$2" "${formats[@]}" ;;
	POLICY) _aipolicy_policies "${2#"$pre"}" ;;
	LOG) _aipolicy_files "${2#"$pre"}" '*.jsonl' ;;
	FILE) _aipolicy_files "${2#"$pre"}" '*' ;;
	DATE) _aipolicy_reply "$2" "$pre$(date +%Y-%m-%d)" ;;
	LANG)
		mapfile -t formats < <(_aipolicy_langs)
		for f in "${!formats[@]}"; do
			formats[f]=$pre${formats[f]}
		done
		_aipolicy_reply "$2" "${formats[@]}" ;;
	*) COMPREPLY=() ;;
	esac
}

# _aipolicy_answers POLICY CUR GIVEN...: for `check POLICY ... CUR`: the
# question ids not in GIVEN as `id=`, or after `id=` that question's
# answers.
_aipolicy_answers()
{
	local policy=$1 cur=$2 id q a line list=() seen
	shift 2

	_aipolicy_dequote "$policy"
	policy=$_aipolicy_word
	_aipolicy_dequote "$cur"
	if [[ $_aipolicy_word == *=* ]]; then
		id=${_aipolicy_word%%=*}
		while IFS=$'\t' read -r q a; do
			[[ $q == "$id" ]] || continue
			printf -v a %b "$a"
			list+=("$id=$a")
		done < <(_aipolicy_run check --list-answers -- "$policy")
	else
		seen=" $* "
		while IFS=$'\t' read -r q a; do
			[[ $seen == *" $q "* ]] && continue
			seen+="$q "
			list+=("$q=")
		done < <(_aipolicy_run check --list-answers -- "$policy")
		compopt -o nospace 2>/dev/null
	fi
	_aipolicy_reply "$cur" "${list[@]}"
}

# _aipolicy: the completion function of aipolicy.
_aipolicy()
{
	local cur prev cmd cmds i w skip=0 positional=() given=() max
	# What the helpers set, kept local to this call.
	local -a _aipolicy_w _aipolicy_opts _aipolicy_args
	local _aipolicy_word _aipolicy_formats _aipolicy_arg

	_aipolicy_words
	cur=${_aipolicy_w[${#_aipolicy_w[@]} - 1]}
	prev=
	((${#_aipolicy_w[@]} > 1)) && prev=${_aipolicy_w[${#_aipolicy_w[@]} - 2]}
	COMPREPLY=()
	if ((${#_aipolicy_w[@]} == 2)); then
		if [[ $cur == -* ]]; then
			_aipolicy_reply "$cur" --help --version
		else
			mapfile -t cmds < <(_aipolicy_commands)
			_aipolicy_reply "$cur" "${cmds[@]}"
		fi
		return
	fi
	cmd=${_aipolicy_w[1]}
	if [[ $cmd == help ]]; then
		if ((${#_aipolicy_w[@]} == 3)); then
			mapfile -t cmds < <(_aipolicy_commands | grep -vx help)
			_aipolicy_reply "$cur" "${cmds[@]}"
		fi
		return
	fi
	case $prev in
	'<'|'>'|'>>') _aipolicy_files "$cur" '*'; return ;;
	esac
	_aipolicy_options "$cmd"
	# The words between the command and CUR: options, their values, and
	# the positional arguments (and, for check, the answers).
	for ((i = 2; i < ${#_aipolicy_w[@]} - 1; i++)); do
		w=${_aipolicy_w[i]}
		if ((skip)); then
			skip=0
		elif [[ $w == --*=* ]]; then
			:
		elif [[ $w == -* ]]; then
			_aipolicy_arg_of "$w" && skip=1
		elif [[ $cmd == check && ${#positional[@]} -ge 1 ]]; then
			_aipolicy_dequote "$w"
			given+=("${_aipolicy_word%%=*}")
		else
			positional+=("$w")
		fi
	done
	if ((skip)); then
		_aipolicy_arg_of "$prev"
		_aipolicy_value "$_aipolicy_arg" "$cur"
		return
	fi
	if [[ $cur == --*=* ]]; then
		_aipolicy_arg_of "${cur%%=*}" &&
		    _aipolicy_value "$_aipolicy_arg" "$cur" "${cur%%=*}"
		return
	fi
	if [[ $cur == -* ]]; then
		_aipolicy_reply "$cur" "${_aipolicy_opts[@]}"
		return
	fi
	case $cmd in
	report) _aipolicy_files "$cur" '*.jsonl'; return ;;
	check)
		if ((${#positional[@]} >= 1)); then
			for w in "${_aipolicy_w[@]}"; do
				[[ $w == --batch ]] && return
			done
			_aipolicy_answers "${positional[0]}" "$cur" "${given[@]}"
			return
		fi
		max=1 ;;
	ask|render|paths) max=1 ;;
	diff) max=2 ;;
	*) max=0 ;;
	esac
	if ((max == 0 || ${#positional[@]} < max)); then
		if [[ $cmd == lint ]]; then
			_aipolicy_policies "$cur" translations
		else
			_aipolicy_policies "$cur"
		fi
	fi
}

complete -F _aipolicy aipolicy
